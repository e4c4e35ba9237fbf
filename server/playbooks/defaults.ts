import type { PlaybookStep, Segment } from '../../sdk/index.ts';

/**
 * The playbooks a team starts with (SPEC §10 inbox). Only the promoters' asks for a referral or
 * a review: asking an unhappy customer to recommend you is how a detractor becomes a louder one.
 */
export const DEFAULT_PLAYBOOKS: Readonly<Record<Segment, readonly PlaybookStep[]>> = {
  detractor: [
    { id: 'apologise', text: 'Apologise, and thank them for telling you' },
    { id: 'root-cause', text: 'Find the root cause' },
    { id: 'agree-fix', text: 'Agree a fix with them' },
    { id: 'come-back', text: 'Come back to them when it is fixed' },
  ],
  passive: [
    { id: 'call', text: 'Call rather than email' },
    { id: 'thank', text: 'Thank them for their answer' },
    { id: 'holding-back', text: 'Ask what holds them back, and about the drivers they ticked' },
    { id: 'make-it-nine', text: 'Ask what would make it a 9' },
  ],
  promoter: [
    { id: 'thank', text: 'Thank them' },
    { id: 'what-they-liked', text: 'Mention what they liked' },
    { id: 'referral', text: 'Ask for a referral or a review', advocacy: true },
  ],
};
