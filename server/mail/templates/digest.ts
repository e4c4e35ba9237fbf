import type { SegmentCounts } from '../../../sdk/index.ts';
import { escapeHtml, htmlDocument, htmlLink, type MailContent } from '../html.ts';
import { inboxLink } from '../links.ts';
import { teamFooter } from './footer.ts';

/** What a daily digest says. */
export interface DigestInput {
  publicUrl: string;
  teamName: string;
  /** The UTC day it covers, `YYYY-MM-DD`. */
  day: string;
  /** New responses that day, by segment. */
  counts: SegmentCounts;
  /** NPS of the last 7 days and of the 7 before; `null` without responses. */
  nps: { current: number | null; previous: number | null };
  /** Follow-ups overdue now. */
  overdue: number;
}

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

/** How NPS moved, in words: `NPS 40 (+5 on the week before)`. */
export function npsChange(nps: DigestInput['nps']): string {
  if (nps.current === null) return 'NPS: no responses in the last 7 days';
  if (nps.previous === null) return `NPS ${nps.current} (no responses the week before)`;
  const change = Math.round((nps.current - nps.previous) * 10) / 10;
  return `NPS ${nps.current} (${change === 0 ? 'unchanged' : signed(change)} on the week before)`;
}

/**
 * The daily digest (SPEC §11): new responses by segment, the NPS change, overdue follow-ups.
 * @example digestMail({ …, day: '2026-01-02' }).subject // 'Shop: 3 new responses on 2026-01-02'
 */
export function digestMail(input: DigestInput): MailContent {
  const { promoters, passives, detractors } = input.counts;
  const total = promoters + passives + detractors;
  const footer = teamFooter(input.publicUrl, input.teamName);
  const lines = [
    `New responses on ${input.day}: ${total}`,
    `Promoters: ${promoters}`,
    `Passives: ${passives}`,
    `Detractors: ${detractors}`,
    npsChange(input.nps),
    `Overdue follow-ups: ${input.overdue}`,
  ];
  const overdueLink = inboxLink(input.publicUrl, 'overdue=true');
  return {
    subject: `${input.teamName}: ${total} new response${total === 1 ? '' : 's'} on ${input.day}`,
    text: [lines.join('\n'), `The inbox: ${inboxLink(input.publicUrl)}`, ...(input.overdue ? [`Overdue: ${overdueLink}`] : []), footer.text].join('\n\n'),
    html: htmlDocument(
      `Digest ${input.day}`,
      [
        `<p>New responses on ${escapeHtml(input.day)}: <strong>${total}</strong></p>`,
        `<ul><li>Promoters: ${promoters}</li><li>Passives: ${passives}</li><li>Detractors: ${detractors}</li></ul>`,
        `<p>${escapeHtml(npsChange(input.nps))}</p>`,
        `<p>Overdue follow-ups: ${input.overdue}${input.overdue ? ` (${htmlLink(overdueLink, 'see them')})` : ''}</p>`,
        `<p>${htmlLink(inboxLink(input.publicUrl), 'Open the inbox')}</p>`,
      ].join(''),
      footer.html,
    ),
  };
}
