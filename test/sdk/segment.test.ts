import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isScore, mayAskForAdvocacy, SCORES, segmentOf } from '../../sdk/index.ts';

describe('segmentOf', () => {
  it('maps 0–6 to detractor, 7–8 to passive, 9–10 to promoter', () => {
    expect(SCORES.map(segmentOf)).toEqual([
      ...Array(7).fill('detractor'),
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });

  it('rejects anything that is not an integer from 0 to 10', () => {
    for (const bad of [-1, 11, 3.5, Number.NaN]) {
      expect(() => segmentOf(bad as never)).toThrow(/integer from 0 to 10/);
    }
  });

  it('is monotonic: a higher score never falls in a lower segment', () => {
    const rank = { detractor: 0, passive: 1, promoter: 2 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (a, b) => {
        if (!isScore(a) || !isScore(b)) return;
        if (a <= b) expect(rank[segmentOf(a)]).toBeLessThanOrEqual(rank[segmentOf(b)]);
      }),
    );
  });

  it('lets only promoters be asked for referrals and reviews', () => {
    expect(SCORES.filter((score) => mayAskForAdvocacy(segmentOf(score)))).toEqual([9, 10]);
  });
});
