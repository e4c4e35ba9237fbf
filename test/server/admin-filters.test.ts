import { describe, expect, it } from 'vitest';
import { listQuerySchema, statsQuerySchema } from '../../sdk/index.ts';
import { filtersFromQuery, statsFiltersFromQuery } from '../../server/responses/index.ts';

const NOW = Date.parse('2026-11-22T10:00:00Z');
const filters = (query: Record<string, string>) => filtersFromQuery(listQuerySchema.parse(query), NOW);

describe('admin list query → store filters', () => {
  it('maps every filter of SPEC §10 onto ResponseFilters', () => {
    expect(
      filters({
        segment: 'passive',
        score: '7',
        scoreMin: '7',
        scoreMax: '8',
        from: '2026-11-01',
        to: '2026-11-02T12:00:00Z',
        q: 'export',
        followUpStatus: 'contacted',
        owner: 'sam',
        overdue: 'true',
        driver: 'Price',
        hasComment: 'false',
        contactable: 'true',
        identified: 'false',
        'trait.plan': 'pro',
        includeTest: 'true',
        cursor: 'c',
        limit: '10',
      }),
    ).toEqual({
      segment: 'passive',
      score: 7,
      scoreMin: 7,
      scoreMax: 8,
      from: Date.parse('2026-11-01'),
      to: Date.parse('2026-11-02T12:00:00Z'),
      text: 'export',
      followUpStatus: 'contacted',
      owner: 'sam',
      overdueAt: NOW,
      driver: 'Price',
      hasComment: false,
      contactable: true,
      identified: false,
      trait: { key: 'plan', value: 'pro' },
      includeTest: true,
    });
  });

  it('owner=none is "unassigned" (null); nothing given is no filter, and test responses stay out', () => {
    expect(filters({ owner: 'none' })).toEqual({ owner: null, includeTest: false });
    expect(filters({})).toEqual({ includeTest: false });
  });

  it('stats: dates to epoch ms, includeTest to a boolean', () => {
    expect(statsFiltersFromQuery(statsQuerySchema.parse({ from: '2026-11-01', includeTest: 'true', interval: 'day' }))).toEqual({ from: Date.parse('2026-11-01'), includeTest: true });
  });
});
