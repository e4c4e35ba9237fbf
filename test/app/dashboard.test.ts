import { describe, expect, it } from 'vitest';
import { driverTables, duration, percent, scoreBars, segmentSplit, trendPoints } from '../../app/models/dashboard-figures.ts';
import { filtersOf, paramsOf, statsQueryOf } from '../../app/models/dashboard-filters.ts';
import { createDashboard } from '../../app/models/dashboard.ts';
import { parseRoute, routeUrl } from '../../app/models/router.ts';
import { npsFromCounts, statsQuerySchema, statsQueryParams, type Stats } from '../../sdk/index.ts';
import { deferred, httpError, makeStats, recorder } from './fakes.ts';

describe('the dashboard’s filters', () => {
  it('the address’s query ↔ the filters ↔ the stats query (the last day included: the collector’s to is the next day)', () => {
    const params = { from: '2026-01-01', to: '2026-01-31', interval: 'day', surveyId: 'nps', 'trait.plan': 'pro' };
    const filters = filtersOf(params);
    expect(filters).toEqual({ from: '2026-01-01', to: '2026-01-31', interval: 'day', surveyId: 'nps', trait: { key: 'plan', value: 'pro' } });
    expect(paramsOf(filters)).toEqual(params);
    const query = statsQueryOf(filters);
    expect(query).toEqual({ from: '2026-01-01', to: '2026-02-01', interval: 'day', surveyId: 'nps', trait: { key: 'plan', value: 'pro' } });
    // What the client sends is what the collector's schema takes.
    expect(statsQuerySchema.parse(statsQueryParams(query))).toEqual(query);
  });

  it('nothing set is the weekly default and a plain address; a part the collector would refuse (an edited link) is left out', () => {
    expect(filtersOf({})).toEqual({ interval: 'week' });
    expect(paramsOf({ interval: 'week' })).toEqual({});
    expect(filtersOf({ from: 'yesterday', to: '2026-13-45', interval: 'hour', surveyId: 'Not One', 'trait.': 'x', q: 'ignored' })).toEqual({ interval: 'week' });
  });

  it('the router keeps the dashboard’s query, and only the dashboard’s', () => {
    expect(parseRoute('/dashboard', '?surveyId=nps&trait.plan=pro')).toEqual({ screen: 'dashboard', params: { surveyId: 'nps', 'trait.plan': 'pro' } });
    expect(parseRoute('/dashboard', '')).toEqual({ screen: 'dashboard' });
    expect(parseRoute('/members', '?surveyId=nps')).toEqual({ screen: 'members' });
    expect(routeUrl({ screen: 'dashboard', params: { surveyId: 'nps', 'trait.plan': 'pro' } })).toBe('/dashboard?surveyId=nps&trait.plan=pro');
    expect(routeUrl({ screen: 'dashboard', params: {} })).toBe('/dashboard');
  });
});

describe('the dashboard model', () => {
  it('loads the stats of the address’s filters; apply writes the new ones to the address and loads them', async () => {
    const { calls, record } = recorder();
    const written: Record<string, string>[] = [];
    const dashboard = createDashboard({ client: { stats: record('stats', async () => makeStats()) }, params: { surveyId: 'nps' }, onParams: (params) => void written.push(params) });
    await dashboard.load();
    expect(calls).toEqual([['stats', [{ interval: 'week', surveyId: 'nps' }]]]);
    expect(dashboard.stats.value).toEqual(makeStats());
    await dashboard.apply({ interval: 'month', trait: { key: 'plan', value: 'pro' } });
    expect(written).toEqual([{ interval: 'month', 'trait.plan': 'pro' }]);
    expect(calls.at(-1)).toEqual(['stats', [{ interval: 'month', trait: { key: 'plan', value: 'pro' } }]]);
  });

  it('only the latest answer shows; a failure is data, and the last numbers stay', async () => {
    const slow = deferred<Stats>();
    const answers = [() => slow.promise, async () => makeStats({ shown: 2 }), () => Promise.reject(httpError(400, 'invalid_query'))];
    const dashboard = createDashboard({ client: { stats: () => (answers.shift() ?? answers[0])?.() ?? Promise.reject(new Error('no more')) }, onParams: () => undefined });
    const first = dashboard.load();
    await dashboard.apply({ interval: 'day' });
    slow.resolve(makeStats({ shown: 1 }));
    await first;
    expect(dashboard.stats.value?.shown).toBe(2);
    await dashboard.load();
    expect(dashboard.failure.value).toMatchObject({ kind: 'http', status: 400, code: 'invalid_query' });
    expect(dashboard.stats.value?.shown).toBe(2);
  });

  it('disposed, a late answer changes nothing', async () => {
    const slow = deferred<Stats>();
    const dashboard = createDashboard({ client: { stats: () => slow.promise }, onParams: () => undefined });
    const loading = dashboard.load();
    dashboard.dispose();
    slow.resolve(makeStats());
    await loading;
    expect(dashboard.stats.value).toBeUndefined();
  });
});

describe('the dashboard’s figures', () => {
  const summary = npsFromCounts({ promoters: 3, passives: 2, detractors: 2 });
  const stats = makeStats({
    summary,
    distribution: [1, 0, 0, 1, 0, 0, 0, 1, 1, 1, 2],
    trend: [
      { period: '2026-01-05', ...npsFromCounts({ promoters: 1, passives: 0, detractors: 0 }) },
      { period: '2026-01-12', ...npsFromCounts({ promoters: 9, passives: 0, detractors: 1 }) },
      { period: '2026-01-19', ...npsFromCounts({ promoters: 0, passives: 1, detractors: 1 }) },
    ],
    drivers: { promoters: [], passives: [{ driver: 'price', count: 2 }], detractors: [{ driver: 'support', count: 1 }] },
  });

  it('the trend’s band is NPS ± its margin, clipped to −100…100; none below two responses', () => {
    const [one, ten, two] = trendPoints(stats);
    expect(one).toEqual({ period: '2026-01-05', total: 1, nps: 100, low: null, high: null });
    expect(ten?.nps).toBe(80);
    expect(ten?.high).toBe(100); // 80 + 41.4 would pass 100
    expect(ten?.low).toBe(40.8); // 9 of 10 promoters, 1 detractor: ±39.2
    expect(two).toMatchObject({ nps: -50, low: -100 });
  });

  it('bars per score in their segment, the segment split, the drivers’ shares of their segment (detractors first)', () => {
    expect(scoreBars(stats).map((bar) => [bar.score, bar.count, bar.segment])).toEqual([
      [0, 1, 'detractor'], [1, 0, 'detractor'], [2, 0, 'detractor'], [3, 1, 'detractor'], [4, 0, 'detractor'], [5, 0, 'detractor'], [6, 0, 'detractor'],
      [7, 1, 'passive'], [8, 1, 'passive'], [9, 1, 'promoter'], [10, 2, 'promoter'],
    ]);
    expect(segmentSplit(stats)).toEqual([
      { segment: 'promoter', count: 3, share: 3 / 7 },
      { segment: 'passive', count: 2, share: 2 / 7 },
      { segment: 'detractor', count: 2, share: 2 / 7 },
    ]);
    expect(driverTables(stats)).toEqual([
      { segment: 'detractor', responses: 2, drivers: [{ driver: 'support', count: 1, share: 0.5 }] },
      { segment: 'passive', responses: 2, drivers: [{ driver: 'price', count: 2, share: 1 }] },
      { segment: 'promoter', responses: 3, drivers: [] },
    ]);
  });

  it('shares and durations as people read them', () => {
    expect([percent(null), percent(0), percent(0.0712), percent(0.35), percent(1)]).toEqual(['—', '0 %', '7.1 %', '35 %', '100 %']);
    expect([duration(null), duration(0.5), duration(7.5), duration(72)]).toEqual(['—', '30 min', '7.5 h', '3 days']);
  });
});
