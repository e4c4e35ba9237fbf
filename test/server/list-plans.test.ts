import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver, SqlValue } from '../../server/db/driver.ts';
import { createStore, type Store } from '../../server/store.ts';
import { benchRowsSql, START } from '../bench/bench-responses.ts';
import { openEngineStore, type EngineStore } from '../helpers/engine-store.ts';

// Which index a page of the list reads, on an analysed SQLite database: the plan is what keeps a
// page cheap at a million responses (bench:search), and a new index can take it over unseen.
describe('the list’s query plans on SQLite', () => {
  let db: EngineStore;
  let store: Store;
  const asked: { sql: string; params: readonly SqlValue[] }[] = [];

  beforeAll(async () => {
    db = await openEngineStore('sqlite');
    await db.driver.run(benchRowsSql('sqlite', db.site.id, 5000));
    await db.driver.run('ANALYZE');
    // The store over a driver that remembers each page's query (its rows by the ids one SELECT reads).
    const recording: Driver = {
      ...db.driver,
      dialect: db.driver.dialect,
      all: (sql, params) => {
        if (/^SELECT \* FROM responses WHERE id IN \(SELECT r\.id FROM/.test(sql)) asked.push({ sql, params: params ?? [] });
        return db.driver.all(sql, params);
      },
    };
    store = createStore(recording, () => START + 400 * 86_400_000);
  });
  afterAll(() => db.dispose());

  const planOf = async (sort: 'received' | 'score') => {
    asked.length = 0;
    await store.listResponses([db.site.id], { scoreMin: 0, scoreMax: 3 }, { limit: 50, sort });
    const [query] = asked;
    expect(query).toBeDefined();
    return (await db.driver.all(`EXPLAIN QUERY PLAN ${query!.sql}`, query!.params)).map((row) => String(row.detail)).join('; ');
  };

  it('a score range, newest first, walks the arrival index and stops at a page', async () => {
    expect(await planOf('received')).toMatch(/USING INDEX responses_site_received /);
  });

  it('a score range, lowest score first, reads the score index', async () => {
    expect(await planOf('score')).toMatch(/USING INDEX responses_site_score /);
  });
});
