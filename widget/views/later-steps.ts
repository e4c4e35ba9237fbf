// The steps after the score: their own chunk, prefetched as soon as the survey shows, so that
// seeing the question costs only what the question needs.
import laterStyles from './later-styles.css?inline';

export { FollowUpStep } from './follow-up-step.tsx';
export { ThankYou } from './thank-you.tsx';
/** Their styles, adopted when the chunk arrives (declared as a string so published types need no CSS module). */
export const css: string = laterStyles;
