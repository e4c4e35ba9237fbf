import type { Segment } from '../../sdk/index.ts';

/**
 * A mail marked as a referral, review or testimonial ask, addressed about a respondent who is not
 * a promoter (SPEC §11's advocacy invariant). Nothing is queued.
 */
export class AdvocacyRefusedError extends Error {
  override readonly name = 'AdvocacyRefusedError' as const;
  constructor(readonly segment: Segment | undefined) {
    super(`an advocacy ask goes to promoters only; this respondent is ${segment ? `a ${segment}` : 'of no known segment'}`);
  }
}
