import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npsFromCounts, segmentOf, type Actor, type FollowUpChange, type ResponsePayload } from '../../sdk/index.ts';
import type { Site } from '../../server/store.ts';
import { ENGINES } from '../helpers/collector.ts';
import { openEngineStore, type EngineStore } from '../helpers/engine-store.ts';
import { makePayload } from '../helpers/payload.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A Monday, 10:00 UTC: week one is D0 and D0 + 1; week two starts at D0 + 7. */
const D0 = Date.UTC(2026, 0, 5, 10);
const NOW = D0 + 12 * DAY;
const author: Actor = { type: 'member', id: 'user-ada', name: 'Ada' };

// Hand-computed fixture (every number below is worked out in the comments, not by the code):
//   r1 10 nps  D0      speed         plan=pro  contacted D0+2h (then resolved)     in SLA, 2 h
//   r2  9 nps  D0      speed, price            resolved  D0+9d                      late, 216 h
//   r3  8 onb  D0+1d   price                   never contacted, label Sam           past due: settled, late; overdue (Sam)
//   r4  7 nps  D0+1d   price, support plan=pro contacted D0+1d+5h, new, contacted   in SLA, 5 h (the first); overdue (nobody)
//   r5  3 nps  D0+8d   support       plan=pro  never; due D0+15d > now              not settled
//   r6  0 nps  D0+8d   support, price          contacted D0+8d+10h                  in SLA, 10 h
//   r7  6 nps  D0+8d   test response, contacted after 1 h: never counted
//   r8  0 another team's site, contacted after 100 h: never counted
// Impressions: nps 4 on D0 and 3 on D0+8d, onboarding 2 on D0+1d, the other team's site 100.
describe.each(ENGINES)('GET /v1/stats numbers on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let db: EngineStore;
  let other: Site;
  const ids: Record<string, string> = {};

  const answer = async (key: string, site: Site, at: number, parts: Partial<ResponsePayload>) => {
    const payload = makePayload({ siteKey: site.publicKey, ...parts });
    db.clock.now = at;
    await db.store.upsertResponse(site, payload, segmentOf(payload.score));
    ids[key] = payload.id;
  };
  const change = async (key: string, at: number, followUp: FollowUpChange, site: Site = db.site) => {
    db.clock.now = at;
    const result = await db.store.updateFollowUp({ teamId: site.teamId, siteIds: [site.id] }, ids[key] ?? '', followUp, author);
    expect(result.kind).toBe('changed');
  };
  const stats = (filters: Parameters<EngineStore['store']['stats']>[1] = {}, interval: 'day' | 'week' | 'month' = 'week') => {
    db.clock.now = NOW;
    return db.store.stats([db.site.id], filters, interval);
  };

  beforeAll(async () => {
    db = await openEngineStore(name);
    other = (await db.store.createSite({ name: 'Elsewhere', origins: [] })).site;
    const pro = { id: 'u-pro', traits: { plan: 'pro' } };
    await answer('r1', db.site, D0, { score: 10, drivers: ['speed'], user: pro });
    await answer('r2', db.site, D0, { score: 9, drivers: ['speed', 'price'] });
    await answer('r3', db.site, D0 + DAY, { score: 8, drivers: ['price'], surveyId: 'onboarding' });
    await answer('r4', db.site, D0 + DAY, { score: 7, drivers: ['price', 'support'], user: { ...pro, id: 'u-pro-2' } });
    await answer('r5', db.site, D0 + 8 * DAY, { score: 3, drivers: ['support'], user: { ...pro, id: 'u-pro-3' } });
    await answer('r6', db.site, D0 + 8 * DAY, { score: 0, drivers: ['support', 'price'] });
    await answer('r7', db.site, D0 + 8 * DAY, { score: 6, drivers: ['price'], context: { url: 'https://shop.example/', locale: 'en', createdAt: '2026-01-13T10:00:00.000Z', test: true } });
    await answer('r8', other, D0, { score: 0, drivers: ['price'] });

    await change('r1', D0 + 2 * HOUR, { status: 'contacted' });
    await change('r1', D0 + 3 * HOUR, { status: 'resolved' });
    await change('r2', D0 + 9 * DAY, { status: 'resolved' });
    await change('r3', D0 + DAY + HOUR, { owner: 'Sam' });
    await change('r4', D0 + DAY + 5 * HOUR, { status: 'contacted' });
    await change('r4', D0 + DAY + 6 * HOUR, { status: 'new', note: 'wrong number' });
    await change('r4', D0 + DAY + 7 * HOUR, { status: 'contacted' });
    await change('r6', D0 + 8 * DAY + 10 * HOUR, { status: 'contacted' });
    await change('r7', D0 + 8 * DAY + HOUR, { status: 'contacted' });
    await change('r8', D0 + 100 * HOUR, { status: 'contacted' }, other);

    const { impressions } = db.store.resources;
    await impressions.record(db.site.id, 'nps', 4, D0);
    await impressions.record(db.site.id, 'nps', 1, D0 + 8 * DAY);
    await impressions.record(db.site.id, 'nps', 2, D0 + 8 * DAY + HOUR); // the same day's row, added to
    await impressions.record(db.site.id, 'onboarding', 2, D0 + DAY);
    await impressions.record(other.id, 'nps', 100, D0);
  });
  afterAll(() => db.dispose());

  it('the summary, distribution and weekly trend of the non-test responses of the sites asked', async () => {
    const all = await stats();
    expect(all.summary).toEqual(npsFromCounts({ promoters: 2, passives: 2, detractors: 2 }));
    expect(all.summary.nps).toBe(0);
    expect(all.distribution).toEqual([1, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1]);
    expect(all.trend).toEqual([
      { period: '2026-01-05', ...npsFromCounts({ promoters: 2, passives: 2, detractors: 0 }) },
      { period: '2026-01-12', ...npsFromCounts({ promoters: 0, passives: 0, detractors: 2 }) },
    ]);
  });

  it('the response rate: responses ÷ the impressions of the same sites, survey and days', async () => {
    const all = await stats();
    expect(all.shown).toBe(9);
    expect(all.responseRate).toBe(6 / 9);
    const nps = await stats({ surveyId: 'nps' });
    expect([nps.summary.total, nps.shown, nps.responseRate]).toEqual([5, 7, 5 / 7]);
    // From D0 + 7 days (rounded down to its day): week two alone.
    const weekTwo = await stats({ from: D0 + 7 * DAY });
    expect([weekTwo.summary.total, weekTwo.shown, weekTwo.responseRate]).toEqual([2, 3, 2 / 3]);
    // Up to D0 + 1 day 00:00 (exclusive): the first day alone.
    const dayOne = await stats({ to: Date.UTC(2026, 0, 6) });
    expect([dayOne.summary.total, dayOne.shown, dayOne.responseRate]).toEqual([2, 4, 0.5]);
  });

  it('a trait filter narrows the responses; displays carry no traits, so no rate', async () => {
    const pro = await stats({ trait: { key: 'plan', value: 'pro' } });
    expect(pro.summary).toEqual(npsFromCounts({ promoters: 1, passives: 1, detractors: 1 }));
    expect(pro.distribution).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1]);
    expect([pro.shown, pro.responseRate]).toEqual([null, null]);
    expect(pro.drivers).toEqual({ promoters: [{ driver: 'speed', count: 1 }], passives: [{ driver: 'price', count: 1 }, { driver: 'support', count: 1 }], detractors: [{ driver: 'support', count: 1 }] });
    expect((await stats({ trait: { key: 'plan', value: 'free' } })).summary.total).toBe(0);
  });

  it('a survey filter reads the responses themselves, by the same days', async () => {
    const nps = await stats({ surveyId: 'nps' }, 'day');
    expect(nps.summary).toEqual(npsFromCounts({ promoters: 2, passives: 1, detractors: 2 }));
    expect(nps.trend.map((period) => [period.period, period.total])).toEqual([
      ['2026-01-05', 2],
      ['2026-01-06', 1],
      ['2026-01-13', 2],
    ]);
    expect((await stats({ surveyId: 'onboarding' })).distribution).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('drivers per segment, most ticked first, ties by name', async () => {
    expect((await stats()).drivers).toEqual({
      promoters: [{ driver: 'speed', count: 2 }, { driver: 'price', count: 1 }],
      passives: [{ driver: 'price', count: 2 }, { driver: 'support', count: 1 }],
      detractors: [{ driver: 'support', count: 2 }, { driver: 'price', count: 1 }],
    });
    expect((await stats({ surveyId: 'nps' })).drivers.passives).toEqual([{ driver: 'price', count: 1 }, { driver: 'support', count: 1 }]);
  });

  it('follow-up health: contacted within the SLA of those settled, the median wait to a first contact, overdue per owner', async () => {
    expect((await stats()).followUp).toEqual({
      settled: 5, // r1, r2, r4, r6 contacted; r3 past due
      contactedInSla: 3, // r1, r4, r6
      contactedInSlaShare: 0.6,
      medianHoursToFirstContact: 7.5, // 2, 5, 10, 216 h
      overdueByOwner: [
        { ownerId: null, owner: 'Sam', count: 1 },
        { ownerId: null, owner: null, count: 1 },
      ],
    });
    expect((await stats({ surveyId: 'nps' })).followUp).toEqual({
      settled: 4,
      contactedInSla: 3,
      contactedInSlaShare: 0.75,
      medianHoursToFirstContact: 7.5,
      overdueByOwner: [{ ownerId: null, owner: null, count: 1 }],
    });
    // Week two: r6 contacted after 10 h; r5 still has time.
    expect((await stats({ from: D0 + 7 * DAY })).followUp).toEqual({ settled: 1, contactedInSla: 1, contactedInSlaShare: 1, medianHoursToFirstContact: 10, overdueByOwner: [] });
    // An odd count: the middle wait itself (r1 2 h, r2 216 h, r4 5 h).
    expect((await stats({ to: D0 + 2 * DAY })).followUp.medianHoursToFirstContact).toBe(5);
  });

  it('test responses count only when asked for, with their drivers and follow-up', async () => {
    const withTest = await stats({ includeTest: true, from: D0 + 7 * DAY });
    expect(withTest.summary.total).toBe(3);
    expect(withTest.drivers.detractors).toEqual([{ driver: 'price', count: 2 }, { driver: 'support', count: 2 }]); // r7 (a 6) ticked price
    expect(withTest.followUp.medianHoursToFirstContact).toBe(5.5); // r7 1 h, r6 10 h
  });

  it('no responses and no displays: nulls, not zeros divided', async () => {
    const none = await stats({ surveyId: 'absent' });
    expect(none).toEqual({
      summary: npsFromCounts({ promoters: 0, passives: 0, detractors: 0 }),
      distribution: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      trend: [],
      shown: 0,
      responseRate: null,
      drivers: { promoters: [], passives: [], detractors: [] },
      followUp: { settled: 0, contactedInSla: 0, contactedInSlaShare: null, medianHoursToFirstContact: null, overdueByOwner: [] },
    });
  });
});
