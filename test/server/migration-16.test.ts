import { afterEach, describe, expect, it } from 'vitest';
import type { SqlValue } from '../../server/db/driver.ts';
import { benchRowsSql } from '../bench/bench-responses.ts';
import { ENGINES } from '../helpers/collector.ts';
import { openEngineStore, type EngineStore } from '../helpers/engine-store.ts';

// Migration 16 widens two filter indexes for the saved views' counts. On an upgraded SQLite
// database that had its statistics, the list must stay on the indexes it used, newest first.
const NEWEST = 'SELECT r.id FROM responses r WHERE r.site_id = ? AND r.test = 0 ORDER BY r.received_at DESC, r.id DESC LIMIT 26';
const OVERDUE_COUNT = "SELECT COUNT(*) AS n FROM responses r WHERE r.site_id = ? AND r.test = 0 AND r.follow_up_status IN ('new', 'contacted') AND r.due_at < ?";

describe.each(ENGINES)('migration 16 (wider filter indexes) on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let db: EngineStore | undefined;
  afterEach(async () => db?.dispose());

  it('keeps what the list and the counts answer, over rows stored before it', async () => {
    db = await openEngineStore(name, 15);
    await db.driver.run(benchRowsSql(name, db.site.id, 3000));
    await db.driver.run(name === 'sqlite' ? 'ANALYZE' : 'ANALYZE responses');
    const now = Date.UTC(2026, 5, 1);
    const before = { newest: await db.driver.all(NEWEST, [db.site.id]), overdue: await db.driver.all(OVERDUE_COUNT, [db.site.id, now]) };
    expect(await db.migrateAll()).toContain(16);
    expect({ newest: await db.driver.all(NEWEST, [db.site.id]), overdue: await db.driver.all(OVERDUE_COUNT, [db.site.id, now]) }).toEqual(before);
    if (name !== 'sqlite') return;
    const plan = async (sql: string, params: SqlValue[]) => (await db!.driver.all(`EXPLAIN QUERY PLAN ${sql}`, params)).map((row) => String(row.detail)).join('; ');
    // Without the statistics of the rebuilt indexes, SQLite read the newest page through the status index.
    expect(await plan(NEWEST, [db.site.id])).toMatch(/USING INDEX responses_site_received /);
    expect(await plan(OVERDUE_COUNT, [db.site.id, now])).toMatch(/USING COVERING INDEX responses_site_status /);
  });
});
