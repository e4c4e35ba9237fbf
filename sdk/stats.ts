import { SCORES, segmentOf, type Score, type Segment } from './segment.ts';

/** Respondents per segment. */
export interface SegmentCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/** Net Promoter Score with its uncertainty. */
export interface NpsSummary extends SegmentCounts {
  /** Number of responses. */
  total: number;
  /** %promoters − %detractors, from −100 to 100; `null` when there are no responses. */
  nps: number | null;
  /**
   * Half-width of the 95 % confidence interval, in NPS points; `null` below 2 responses.
   * From the variance of the per-respondent scores +1 (promoter), 0 (passive), −1 (detractor).
   */
  marginOfError: number | null;
}

const Z_95 = 1.959964;
const COUNT_KEY = { promoter: 'promoters', passive: 'passives', detractor: 'detractors' } as const satisfies Record<Segment, keyof SegmentCounts>;

/**
 * NPS from segment counts, with its 95 % margin of error.
 * @example npsFromCounts({ promoters: 60, passives: 20, detractors: 20 }).nps // 40
 */
export function npsFromCounts(counts: SegmentCounts): NpsSummary {
  const { promoters, passives, detractors } = counts;
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
  const total = promoters + passives + detractors;
  if (total === 0) return { ...counts, total, nps: null, marginOfError: null };
  const p = promoters / total;
  const d = detractors / total;
  const mean = p - d;
  // E[x²] − E[x]² for x ∈ {+1, 0, −1}; sample (n − 1) variance for an unbiased estimate.
  const variance = total > 1 ? ((p + d - mean * mean) * total) / (total - 1) : null;
  const marginOfError = variance === null ? null : round1(100 * Z_95 * Math.sqrt(variance / total));
  return { ...counts, total, nps: round1(100 * mean), marginOfError };
}

/** An 11-slot histogram: `distribution[s]` is the number of responses with score `s`. */
export type Distribution = number[];

/** Counts responses per score, 0 to 10. */
export function distributionOf(scores: Iterable<Score>): Distribution {
  const histogram = SCORES.map(() => 0);
  for (const score of scores) {
    segmentOf(score); // validates
    histogram[score] = (histogram[score] ?? 0) + 1;
  }
  return histogram;
}

/** Segment counts from an 11-slot histogram. */
export function countsFromDistribution(distribution: Distribution): SegmentCounts {
  if (distribution.length !== 11) throw new RangeError(`a distribution has 11 slots (0–10), got ${distribution.length}`);
  const counts: SegmentCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const score of SCORES) counts[COUNT_KEY[segmentOf(score)]] += distribution[score] ?? 0;
  return counts;
}

/** NPS of an 11-slot histogram. */
export function npsFromDistribution(distribution: Distribution): NpsSummary {
  return npsFromCounts(countsFromDistribution(distribution));
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
