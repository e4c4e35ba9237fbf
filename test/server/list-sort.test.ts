import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentOf, type ListSort } from '../../sdk/index.ts';
import type { ResponseFilters, Site } from '../../server/store.ts';
import { InvalidCursorError } from '../../server/responses/index.ts';
import { ENGINES } from '../helpers/collector.ts';
import { openEngineStore, type EngineStore } from '../helpers/engine-store.ts';
import { makePayload } from '../helpers/payload.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

interface Stored {
  id: string;
  at: number;
  due: number;
  score: number;
  siteId: string;
  comment: string | undefined;
  drivers: string[];
}

// Orders other than newest first, over a team of three sites: paged by cursor in any page size,
// every response must come exactly once, in the order the sort promises, ties broken by id; and a
// count must be the length of the list it counts.
describe.each(ENGINES)('sorted lists and counts over three sites, on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let db: EngineStore;
  let sites: Site[];
  const stored: Stored[] = [];

  beforeAll(async () => {
    db = await openEngineStore(name);
    const more = async (siteName: string) => (await db.store.createSite({ name: siteName, origins: [], teamId: db.site.teamId })).site;
    sites = [db.site, await more('Blog'), await more('Docs')];
    const other = (await db.store.createSite({ name: 'Elsewhere', origins: [] })).site;
    for (let i = 0; i < 30; i++) {
      const site = sites[i % 5 === 0 ? 2 : i % 2] ?? db.site;
      // Every third arrives with the one before (a tie on time); scores repeat (ties on score).
      const at = Date.UTC(2026, 0, 1) + (i % 3 === 1 ? i - 1 : i) * MINUTE;
      const score = (i * 7) % 11;
      const comment = i % 3 === 0 ? 'slow refund' : undefined;
      const drivers = i % 4 === 0 ? ['price'] : [];
      const payload = makePayload({ siteKey: site.publicKey, score, ...(comment ? { comment } : {}), drivers });
      db.clock.now = at;
      await db.store.upsertResponse(site, payload, segmentOf(score));
      // Due dates out of arrival order, some equal (a tie on due), one never set (due when it arrived).
      let due = at + 7 * DAY;
      if (i % 4 === 1) due = Date.UTC(2026, 0, 3);
      if (i === 7) {
        await db.driver.run('UPDATE responses SET due_at = NULL WHERE id = ?', [payload.id]);
        due = at;
      } else await db.driver.run('UPDATE responses SET due_at = ? WHERE id = ?', [due, payload.id]);
      stored.push({ id: payload.id, at, due, score, siteId: site.id, comment, drivers });
      // The other team's response, matching every filter: it must never show nor count.
      await db.store.upsertResponse(other, makePayload({ siteKey: other.publicKey, score: 1, comment: 'slow refund', drivers: ['price'] }), 'detractor');
    }
  });
  afterAll(() => db.dispose());

  const walk = async (siteIds: string[], filters: ResponseFilters, limit: number, sort: ListSort) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await db.store.listResponses(siteIds, filters, { limit, sort, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return seen;
  };
  const byId = (a: Stored, b: Stored) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const ORDERS: Record<ListSort, (a: Stored, b: Stored) => number> = {
    received: (a, b) => b.at - a.at || byId(b, a),
    score: (a, b) => a.score - b.score || b.at - a.at || byId(b, a),
    due: (a, b) => a.due - b.due || byId(a, b),
  };
  const expected = (siteIds: string[], keep: (row: Stored) => boolean, sort: ListSort) =>
    stored
      .filter((row) => siteIds.includes(row.siteId) && keep(row))
      .sort(ORDERS[sort])
      .map((row) => row.id);

  const FILTERS = [
    ['no filter', {}, () => true],
    ['a search', { text: 'refund' }, (row: Stored) => row.comment !== undefined],
    ['a side-table filter', { driver: 'price' }, (row: Stored) => row.drivers.includes('price')],
    ['a score range', { scoreMin: 7, scoreMax: 8 }, (row: Stored) => row.score >= 7 && row.score <= 8],
  ] as const;

  for (const sort of ['score', 'due', 'received'] as const) {
    it.each(FILTERS)(`sort=${sort}, %s: every response once, in order, in pages of 1, 4 and 50`, async (_label, filters, keep) => {
      const all = sites.map((site) => site.id);
      const want = expected(all, keep, sort);
      expect(want.length).toBeGreaterThan(3);
      for (const limit of [1, 4, 50]) expect(await walk(all, filters, limit, sort), `limit ${limit}`).toEqual(want);
      expect(await walk([db.site.id], filters, 3, sort)).toEqual(expected([db.site.id], keep, sort));
    });
  }

  it.each(FILTERS)('a count is the length of the list it counts: %s', async (_label, filters, keep) => {
    const all = sites.map((site) => site.id);
    expect(await db.store.countResponses(all, filters)).toBe(expected(all, keep, 'received').length);
    expect(await db.store.countResponses(all.slice(1), filters)).toBe(expected(all.slice(1), keep, 'received').length);
    expect(await db.store.countResponses([], filters)).toBe(0);
  });

  it('a cursor of one sort is refused by another', async () => {
    const all = sites.map((site) => site.id);
    const page = await db.store.listResponses(all, {}, { limit: 2, sort: 'score' });
    expect(page.nextCursor).not.toBeNull();
    await expect(db.store.listResponses(all, {}, { limit: 2, sort: 'due', cursor: page.nextCursor ?? '' })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(db.store.listResponses(all, {}, { limit: 2, cursor: page.nextCursor ?? '' })).rejects.toBeInstanceOf(InvalidCursorError);
  });
});
