import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { segmentOf, type Actor, type FollowUpChange, type ResponsePayload } from '../../sdk/index.ts';
import type { Driver } from '../../server/db/driver.ts';
import { CLOSE_THE_LOOP_MIGRATION } from '../../server/db/migration-15-close-the-loop.ts';
import { int, nullableInt, select } from '../../server/db/rows.ts';
import { erasePerson } from '../../server/people/index.ts';
import type { StatsFilters } from '../../server/responses/stats-filters.ts';
import { setRetention, sweepRetention } from '../../server/retention/index.ts';
import type { Site } from '../../server/store.ts';
import { ENGINES } from '../helpers/collector.ts';
import { openEngineStore, type EngineStore } from '../helpers/engine-store.ts';
import { makePayload } from '../helpers/payload.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const D0 = Date.UTC(2026, 0, 5, 10);
const author: Actor = { type: 'member', id: 'user-ada', name: 'Ada' };

const driverKeyRow = z.object({ site_id: z.string(), test: int, day: int, segment: z.string(), driver: z.string(), n: int });
const contactRow = z.object({ id: z.string(), kept: nullableInt, first: nullableInt });
const contactKeyRow = z.object({ site_id: z.string(), test: int, day: int, contacted: int, in_sla: int });

/**
 * Where what migration 17's triggers keep differs from what the rows give now, computed the slow
 * way: the driver counts from the drivers side table joined with the responses, each response's
 * first contact from its first `status` note, the contact counts from the responses' first
 * contacts. An empty object when all is right.
 */
async function mismatches(db: Driver): Promise<Record<string, unknown>> {
  const order = 'ORDER BY site_id, test, day, segment, driver';
  const drivers = await select(db, driverKeyRow, 'response_driver_counts', `SELECT site_id, test, day, segment, driver, n FROM response_driver_counts WHERE n <> 0 ${order}`);
  const joined = await select(
    db,
    driverKeyRow,
    'response_drivers',
    `SELECT site_id, test, day, segment, driver, n FROM (
       SELECT r.site_id AS site_id, r.test AS test, r.received_day AS day, r.segment AS segment, d.driver AS driver, COUNT(*) AS n
       FROM response_drivers d JOIN responses r ON r.id = d.response_id GROUP BY r.site_id, r.test, r.received_day, r.segment, d.driver) AS joined ${order}`,
  );
  const firsts = "(SELECT MIN(n.created_at) FROM follow_up_notes n WHERE n.response_id = r.id AND n.kind = 'status')";
  const contacts = await select(db, contactRow, 'responses', `SELECT r.id AS id, r.first_contact_at AS kept, ${firsts} AS first FROM responses r ORDER BY r.id`);
  const contactCounts = await select(db, contactKeyRow, 'response_contact_counts', 'SELECT site_id, test, day, contacted, in_sla FROM response_contact_counts WHERE contacted <> 0 OR in_sla <> 0 ORDER BY site_id, test, day');
  const contactScan = await select(
    db,
    contactKeyRow,
    'responses',
    `SELECT site_id, test, day, contacted, in_sla FROM (
       SELECT r.site_id AS site_id, r.test AS test, r.received_day AS day, COUNT(r.first_contact_at) AS contacted,
         COUNT(CASE WHEN r.first_contact_at < COALESCE(r.due_at, r.received_at) THEN 1 END) AS in_sla
       FROM responses r GROUP BY r.site_id, r.test, r.received_day) AS scanned
     WHERE contacted <> 0 OR in_sla <> 0 ORDER BY site_id, test, day`,
  );
  const found: Record<string, unknown> = {};
  if (JSON.stringify(drivers) !== JSON.stringify(joined)) found.drivers = { counted: drivers, joined };
  const wrong = contacts.filter((row) => row.kept !== row.first);
  if (wrong.length) found.firstContacts = wrong;
  if (JSON.stringify(contactCounts) !== JSON.stringify(contactScan)) found.contactCounts = { counted: contactCounts, scanned: contactScan };
  return found;
}

describe.each(ENGINES)('stats counts kept by triggers on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let db: EngineStore;
  let blog: Site;
  const ids: Record<string, string> = {};

  const answer = async (key: string, site: Site, at: number, parts: Partial<ResponsePayload>) => {
    const payload = makePayload({ siteKey: site.publicKey, ...(ids[key] ? { id: ids[key] } : {}), ...parts });
    db.clock.now = at;
    expect((await db.store.upsertResponse(site, payload, segmentOf(payload.score))).kind).toBe('stored');
    ids[key] = payload.id;
  };
  const change = async (key: string, at: number, followUp: FollowUpChange) => {
    db.clock.now = at;
    const result = await db.store.updateFollowUp({ teamId: db.site.teamId, siteIds: [db.site.id, blog.id] }, ids[key] ?? '', followUp, author);
    expect(result.kind).toBe('changed');
  };
  /** The counts equal the rows, and the dashboard reads the same from them as from the rows (a survey every response has). */
  const expectCountsRight = async (now: number) => {
    expect(await mismatches(db.driver)).toEqual({});
    db.clock.now = now;
    const cases: StatsFilters[] = [{}, { includeTest: true }, { from: D0 + DAY, to: D0 + 3 * DAY }, { from: D0, to: D0 + DAY, includeTest: true }];
    for (const siteIds of [[db.site.id], [db.site.id, blog.id]]) {
      for (const filters of cases) {
        const counted = await db.store.stats(siteIds, filters, 'day');
        const scanned = await db.store.stats(siteIds, { ...filters, surveyId: 'nps' }, 'day');
        expect(counted, JSON.stringify(filters)).toEqual(scanned);
      }
    }
  };

  beforeAll(async () => {
    // Rows stored before migration 17, so that its backfill counts them.
    db = await openEngineStore(name, CLOSE_THE_LOOP_MIGRATION.version);
    blog = (await db.store.createSite({ name: 'Blog', origins: ['https://blog.example'], teamId: db.site.teamId })).site;
    await answer('a1', db.site, D0, { score: 10, drivers: ['speed', 'speed', 'price'] });
    await answer('a2', db.site, D0, { score: 3, drivers: ['support'], context: { url: 'https://shop.example/', locale: 'en', createdAt: '2026-01-05T10:00:00.000Z', test: true } });
    await answer('a3', db.site, D0 + DAY, { score: 8 });
    await answer('b1', blog, D0 + DAY, { score: 6, drivers: ['price'] });
    await change('a1', D0 + 2 * HOUR, { status: 'contacted' });
    await change('a1', D0 + 3 * HOUR, { status: 'resolved' });
    await change('a2', D0 + 10 * DAY, { status: 'contacted' });
    await change('a3', D0 + DAY + HOUR, { note: 'left a message' });
    await change('b1', D0 + 2 * DAY, { owner: 'Sam', status: 'contacted' });
    expect(await db.migrateAll()).toContain(17);
  });
  afterAll(() => db?.dispose());

  it('backfills the rows a database already held', async () => {
    const counts = await db.driver.all('SELECT segment, driver, n FROM response_driver_counts WHERE site_id = ? AND test = 0 ORDER BY driver', [db.site.id]);
    expect(counts.map((row) => [row.segment, row.driver, Number(row.n)])).toEqual([
      ['promoter', 'price', 1],
      ['promoter', 'speed', 1], // listed twice, counted once
    ]);
    await expectCountsRight(D0 + 3 * DAY);
  });

  it('stay right through re-sends with another score and other drivers, a test flag and follow-up changes', async () => {
    await answer('a4', db.site, D0 + 2 * DAY, { score: 9, drivers: ['ease'], anonymousId: 'erase-me', user: { id: 'u-erase' } });
    await answer('a4', db.site, D0 + 2 * DAY + HOUR, { seq: 2, score: 2, drivers: ['price', 'price', 'speed'], anonymousId: 'erase-me', user: { id: 'u-erase' } });
    await answer('a1', db.site, D0 + 2 * DAY, { seq: 2, score: 7, drivers: ['speed', 'price'] }); // promoter → passive, the same drivers
    await answer('a3', db.site, D0 + 2 * DAY, { seq: 2, score: 8, drivers: ['quality'] });
    await answer('a5', db.site, D0 + 2 * DAY, { score: 0, drivers: ['ease'] });
    await answer('a5', db.site, D0 + 2 * DAY, { seq: 2, score: 1 }); // drivers dropped
    await answer('b2', blog, D0 + 2 * DAY, { score: 9, drivers: ['speed'], context: { url: 'https://blog.example/', locale: 'en', createdAt: '2026-01-07T10:00:00.000Z', test: true } });
    await expectCountsRight(D0 + 3 * DAY);

    await change('a4', D0 + 2 * DAY + 5 * HOUR, { status: 'contacted' });
    await change('a4', D0 + 2 * DAY + 6 * HOUR, { status: 'new', note: 'wrong number' });
    await change('a4', D0 + 2 * DAY + 7 * HOUR, { status: 'contacted' });
    await change('a1', D0 + 2 * DAY + 8 * HOUR, { dueAt: new Date(D0 + HOUR).toISOString() }); // its contact (2 h) is now late
    await change('a5', D0 + 2 * DAY + 9 * HOUR, { ownerId: null, owner: 'Kim' });
    await expectCountsRight(D0 + 3 * DAY);
    await expectCountsRight(D0 + 30 * DAY); // every due date passed

    // The collector never changes a response's test flag, but the counts follow one that changes.
    await db.driver.run('UPDATE responses SET test = 1 WHERE id = ?', [ids.a1 ?? '']);
    expect(await mismatches(db.driver)).toEqual({});
    await db.driver.run('UPDATE responses SET test = 0 WHERE id = ?', [ids.a1 ?? '']);
    await expectCountsRight(D0 + 3 * DAY);
  });

  it('follow rows edited by hand: a first status row deleted, another moved earlier, a response added and deleted', async () => {
    await db.driver.run("DELETE FROM follow_up_notes WHERE response_id = ? AND kind = 'status' AND created_at = ?", [ids.a4 ?? '', D0 + 2 * DAY + 5 * HOUR]);
    await expectCountsRight(D0 + 3 * DAY);
    await db.driver.run("UPDATE follow_up_notes SET created_at = ? WHERE response_id = ? AND kind = 'status'", [D0 + 2 * DAY + 2 * HOUR, ids.a4 ?? '']);
    await expectCountsRight(D0 + 3 * DAY);

    // A response written and deleted by hand, with a first contact and drivers of its own (and so no timeline).
    const columns = 'site_id, survey_id, seq, score, segment, status, anonymous_id, url, locale, test, client_created_at, received_at, received_day, updated_at, due_at, drivers';
    await db.driver.run(`INSERT INTO responses (id, first_contact_at, ${columns}) SELECT 'by-hand', received_at + ${HOUR / 2}, ${columns} FROM responses WHERE id = ?`, [ids.a1 ?? '']);
    expect(Object.keys(await mismatches(db.driver))).toEqual(['firstContacts']);
    expect(await db.driver.all("SELECT contacted, in_sla FROM response_contact_counts WHERE site_id = ? AND test = 0 AND day = ?", [db.site.id, Math.floor(D0 / DAY)])).toEqual([{ contacted: 2, in_sla: 1 }]);
    await db.driver.run("DELETE FROM responses WHERE id = 'by-hand'");
    await expectCountsRight(D0 + 3 * DAY);
  });

  it('stay right when a person is erased and when retention anonymises and deletes', async () => {
    const erased = await erasePerson(db.driver, { teamId: db.site.teamId, siteIds: [db.site.id, blog.id] }, { userId: 'u-erase' });
    expect(erased.responses).toBe(1);
    await expectCountsRight(D0 + 3 * DAY);

    await setRetention(db.driver, [db.site.id, blog.id], db.site.id, { days: 30, mode: 'anonymise' });
    await setRetention(db.driver, [db.site.id, blog.id], blog.id, { days: 30, mode: 'delete' });
    const swept = await sweepRetention(db.driver, D0 + 60 * DAY);
    expect(swept[db.site.id]?.anonymised).toBeGreaterThan(0);
    expect(swept[blog.id]?.deleted).toBe(2);
    await expectCountsRight(D0 + 60 * DAY);
    const left = await db.store.stats([db.site.id, blog.id], { includeTest: true }, 'day');
    expect(left.drivers.passives.map((driver) => driver.driver)).toEqual(['price', 'quality', 'speed']); // anonymised responses keep their drivers
  });
});

describe.each(ENGINES)('the counts check on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let db: EngineStore;
  beforeAll(async () => {
    db = await openEngineStore(name);
  });
  afterAll(() => db?.dispose());

  // Each case breaks one part for good (the last one the contact counts too), so each looks only at its own part.
  it.each([
    { part: 'drivers', sqlite: 'DROP TRIGGER responses_driver_counts_update', postgres: 'DROP TRIGGER responses_driver_counts ON responses' },
    { part: 'contactCounts', sqlite: 'DROP TRIGGER responses_contact_counts_update', postgres: 'DROP TRIGGER responses_contact_counts ON responses' },
    { part: 'firstContacts', sqlite: 'DROP TRIGGER follow_up_notes_first_contact_insert', postgres: 'DROP TRIGGER follow_up_notes_first_contact ON follow_up_notes' },
  ])('sees counts that a missing trigger left behind ($part)', async ({ part, sqlite, postgres }) => {
    const payload = makePayload({ siteKey: db.site.publicKey, score: 10, drivers: ['speed'] });
    db.clock.now = D0;
    await db.store.upsertResponse(db.site, payload, 'promoter');
    expect(await mismatches(db.driver)).not.toHaveProperty(part);
    await db.driver.run(name === 'sqlite' ? sqlite : postgres);
    await db.store.upsertResponse(db.site, { ...payload, seq: 2, score: 3 }, 'detractor');
    await db.store.updateFollowUp({ teamId: db.site.teamId, siteIds: [db.site.id] }, payload.id, { status: 'contacted' }, author);
    expect(await mismatches(db.driver)).toHaveProperty(part);
  });
});
