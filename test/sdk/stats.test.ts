import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsFromDistribution, distributionOf, npsFromCounts, npsFromDistribution, type Score } from '../../sdk/index.ts';

describe('npsFromCounts', () => {
  it('is %promoters − %detractors', () => {
    expect(npsFromCounts({ promoters: 60, passives: 20, detractors: 20 }).nps).toBe(40);
    expect(npsFromCounts({ promoters: 0, passives: 0, detractors: 5 }).nps).toBe(-100);
  });

  it('has no score and no margin without responses', () => {
    expect(npsFromCounts({ promoters: 0, passives: 0, detractors: 0 })).toMatchObject({ nps: null, marginOfError: null, total: 0 });
  });

  it('gives the 95 % margin from the variance of +1/0/−1 scores', () => {
    // p = 0.5, d = 0.2, mean 0.3, E[x²] = 0.7, population variance 0.61, sample variance 0.61·100/99
    const { marginOfError } = npsFromCounts({ promoters: 50, passives: 30, detractors: 20 });
    const expected = 100 * 1.959964 * Math.sqrt((0.61 * 100) / 99 / 100);
    expect(marginOfError).toBeCloseTo(expected, 1);
    expect(marginOfError).toBeCloseTo(15.4, 1);
  });

  it('has zero margin when everyone agrees', () => {
    expect(npsFromCounts({ promoters: 40, passives: 0, detractors: 0 }).marginOfError).toBe(0);
  });

  it('rejects negative or fractional counts', () => {
    expect(() => npsFromCounts({ promoters: -1, passives: 0, detractors: 0 })).toThrow(/promoters must be a whole number/);
    expect(() => npsFromCounts({ promoters: 1.5, passives: 0, detractors: 0 })).toThrow(RangeError);
  });

  it('stays within −100…100, and the margin shrinks as the sample grows', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), fc.nat(10_000), (promoters, passives, detractors) => {
        const small = npsFromCounts({ promoters, passives, detractors });
        if (small.nps === null) return;
        expect(small.nps).toBeGreaterThanOrEqual(-100);
        expect(small.nps).toBeLessThanOrEqual(100);
        const large = npsFromCounts({ promoters: promoters * 4, passives: passives * 4, detractors: detractors * 4 });
        expect(large.nps).toBeCloseTo(small.nps, 0);
        if (small.marginOfError !== null && large.marginOfError !== null) expect(large.marginOfError).toBeLessThanOrEqual(small.marginOfError + 0.05);
      }),
    );
  });
});

describe('distributions', () => {
  it('counts per score and agrees with segment counts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 300 }), (raw) => {
        const scores = raw as Score[];
        const distribution = distributionOf(scores);
        expect(distribution).toHaveLength(11);
        expect(distribution.reduce((a, b) => a + b, 0)).toBe(scores.length);
        const counts = countsFromDistribution(distribution);
        expect(counts.promoters).toBe(scores.filter((s) => s >= 9).length);
        expect(counts.detractors).toBe(scores.filter((s) => s <= 6).length);
        expect(npsFromDistribution(distribution).total).toBe(scores.length);
      }),
    );
  });

  it('rejects a histogram without 11 slots', () => {
    expect(() => countsFromDistribution([1, 2, 3])).toThrow(/11 slots/);
  });
});
