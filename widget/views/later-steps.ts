// The steps after the score: their own chunk, prefetched as soon as the survey shows, so that
// seeing the question costs only what the question needs.
export { FollowUpStep } from './follow-up-step.tsx';
export { ThankYou } from './thank-you.tsx';
export { css } from './later-styles.ts';
