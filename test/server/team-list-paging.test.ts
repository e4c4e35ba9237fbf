import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentOf } from '../../sdk/index.ts';
import type { ResponseFilters, Site } from '../../server/store.ts';
import { ENGINES } from '../helpers/collector.ts';
import { openEngineStore, type EngineStore } from '../helpers/engine-store.ts';
import { makePayload } from '../helpers/payload.ts';

const MINUTE = 60_000;

// A team's page is the newest of each site's own page: paged by cursor, it must still be every
// response of the team's sites exactly once, newest first, ties broken by id as a single site's are.
describe.each(ENGINES)('a team’s list over three sites, paged, on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let db: EngineStore;
  let sites: Site[];
  const stored: { id: string; at: number; siteId: string; comment: string | undefined; drivers: string[] }[] = [];

  beforeAll(async () => {
    db = await openEngineStore(name);
    const more = async (siteName: string) => (await db.store.createSite({ name: siteName, origins: [], teamId: db.site.teamId })).site;
    sites = [db.site, await more('Blog'), await more('Docs')];
    const other = (await db.store.createSite({ name: 'Elsewhere', origins: [] })).site;
    // 30 responses spread unevenly over the sites; every third one arrives at the same instant as the one before, on another site.
    for (let i = 0; i < 30; i++) {
      const site = sites[i % 5 === 0 ? 2 : i % 2] ?? db.site;
      const at = Date.UTC(2026, 0, 1) + (i % 3 === 1 ? i - 1 : i) * MINUTE;
      const comment = i % 3 === 0 ? 'slow refund' : undefined;
      const drivers = i % 4 === 0 ? ['price'] : [];
      const payload = makePayload({ siteKey: site.publicKey, score: i % 11, ...(comment ? { comment } : {}), drivers });
      db.clock.now = at;
      await db.store.upsertResponse(site, payload, segmentOf(payload.score));
      stored.push({ id: payload.id, at, siteId: site.id, comment, drivers });
      // The other team's response at the same instant, matching every filter: it must never show.
      await db.store.upsertResponse(other, makePayload({ siteKey: other.publicKey, score: 1, comment: 'slow refund', drivers: ['price'] }), 'detractor');
    }
  });
  afterAll(() => db.dispose());

  const walk = async (siteIds: string[], filters: ResponseFilters, limit: number) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await db.store.listResponses(siteIds, filters, { limit, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return seen;
  };
  const expected = (siteIds: string[], keep: (row: (typeof stored)[number]) => boolean) =>
    stored
      .filter((row) => siteIds.includes(row.siteId) && keep(row))
      .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1))
      .map((row) => row.id);

  it.each([
    ['no filter', {}, () => true],
    ['a search', { text: 'refund' }, (row: (typeof stored)[number]) => row.comment !== undefined],
    ['a side-table filter', { driver: 'price' }, (row: (typeof stored)[number]) => row.drivers.includes('price')],
  ] as const)('%s: every response once, newest first, in pages of 1, 4 and 50', async (_label, filters, keep) => {
    const all = sites.map((site) => site.id);
    const want = expected(all, keep);
    expect(want.length).toBeGreaterThan(3);
    for (const limit of [1, 4, 50]) expect(await walk(all, filters, limit), `limit ${limit}`).toEqual(want);
    // Two of the three sites: only theirs.
    const two = all.slice(1);
    expect(await walk(two, filters, 3)).toEqual(expected(two, keep));
  });

  it('no sites: nothing, and no error', async () => {
    expect(await db.store.listResponses([], {}, { limit: 10 })).toEqual({ items: [], nextCursor: null });
    expect(await db.store.listResponses([], { text: 'refund' }, { limit: 10 })).toEqual({ items: [], nextCursor: null });
    expect((await db.store.stats([], {}, 'week')).summary.total).toBe(0);
  });
});
