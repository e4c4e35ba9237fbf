/** The three NPS segments. One source of truth for widget, SDK and collector. */
export const SEGMENTS = ['detractor', 'passive', 'promoter'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Every score on the 0–10 scale, in order. */
export const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type Score = (typeof SCORES)[number];

/** True for an integer from 0 to 10. */
export function isScore(value: unknown): value is Score {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10;
}

/**
 * The segment a score belongs to: 0–6 detractor, 7–8 passive, 9–10 promoter.
 * @example segmentOf(9) // 'promoter'
 */
export function segmentOf(score: number): Segment {
  if (!isScore(score)) throw new RangeError(`score must be an integer from 0 to 10, got ${String(score)}`);
  if (score >= 9) return 'promoter';
  return score >= 7 ? 'passive' : 'detractor';
}

/**
 * Whether a segment may be asked for a referral, a review or a testimonial.
 * Only promoters: this is the invariant that keeps unhappy respondents from being asked.
 */
export function mayAskForAdvocacy(segment: Segment): boolean {
  return segment === 'promoter';
}
