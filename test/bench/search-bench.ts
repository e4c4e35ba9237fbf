// npm run bench:search — a benchmark, not a test: it prints figures against the goal and judges nothing.
// The first page (50 rows) of the response list at BENCH_ROWS (default 1,000,000) responses of one
// site, for every list filter of SPEC §10 alone, the common pairs, and text searches that match
// nothing and about 1 % — on SQLite, and on Postgres when BENCH_POSTGRES_URL or
// ONEPOINT_TEST_POSTGRES_URL is set. Rows are made by the database itself (one INSERT … SELECT),
// stored before migration 6 so that its backfill indexes them, as an upgrade would.
// BENCH_EXPLAIN=1 prints each query's plan; BENCH_ENGINES=sqlite (or postgres) runs one engine.
import { performance } from 'node:perf_hooks';
import type { Driver, SqlValue } from '../../server/db/driver.ts';
import { migrate } from '../../server/db/migrations.ts';
import { createStore } from '../../server/store.ts';
import type { ResponseFilters } from '../../server/store.ts';
import type { Engine } from '../helpers/collector.ts';
import { BENCH_SITE, benchEngines, onEachEngine, printTable, quantiles, storeRowsOfThen } from './bench-engines.ts';
import { DAY, START } from './bench-responses.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = 20;
const GOAL_MS = 50;
const NOW = START + 365 * DAY;

const HIT_WORD = 'refund';
const MISS_WORD = 'zyzzyva';

const CASES: [string, ResponseFilters][] = [
  ['no filter', {}],
  ['segment', { segment: 'detractor' }],
  ['score range', { scoreMin: 0, scoreMax: 3 }],
  ['date range (a month)', { from: START + 100 * DAY, to: START + 130 * DAY }],
  ['status', { followUpStatus: 'new' }],
  ['owner', { owner: 'casey' }],
  ['unassigned', { owner: null }],
  ['overdue', { overdueAt: NOW }],
  ['driver', { driver: 'delivery' }],
  ['has comment', { hasComment: true }],
  ['contactable', { contactable: true }],
  ['identified', { identified: true }],
  ['trait', { trait: { key: 'plan', value: 'enterprise' } }],
  [`q matching nothing (${MISS_WORD})`, { text: MISS_WORD }],
  [`q matching ~1 % (${HIT_WORD})`, { text: HIT_WORD }],
  ['segment + status', { segment: 'detractor', followUpStatus: 'new' }],
  ['segment + overdue', { segment: 'detractor', overdueAt: NOW }],
  ['owner + status', { owner: 'casey', followUpStatus: 'contacted' }],
  ['segment + date range', { segment: 'detractor', from: START + 100 * DAY, to: START + 130 * DAY }],
  ['q + segment', { text: HIT_WORD, segment: 'detractor' }],
  ['driver + segment', { driver: 'support', segment: 'detractor' }],
  ['trait + overdue', { trait: { key: 'plan', value: 'enterprise' }, overdueAt: NOW }],
];

interface Timing {
  p50: number;
  p95: number;
  rows: number;
  matching: number;
}

async function measure(engine: Engine, driver: Driver): Promise<Map<string, Timing>> {
  const started = performance.now();
  await storeRowsOfThen(driver, engine, ROWS);
  const filled = performance.now();
  await migrate(driver);
  const store = createStore(driver, () => NOW);
  const site = { id: BENCH_SITE };
  if (engine === 'sqlite') {
    await driver.run("INSERT INTO responses_fts (responses_fts) VALUES ('optimize')");
    await driver.run('ANALYZE');
  } else await driver.run('VACUUM ANALYZE');
  console.log(`${engine}: ${ROWS.toLocaleString('en')} rows in ${((filled - started) / 1000).toFixed(1)} s, migration 6 (indexing them) + analyze ${((performance.now() - filled) / 1000).toFixed(1)} s`);

  const results = new Map<string, Timing>();
  for (const [label, filters] of CASES) {
    const times: number[] = [];
    let rows = 0;
    for (let run = 0; run < RUNS + 2; run++) {
      const at = performance.now();
      const page = await store.listResponses([site.id], filters, { limit: 50 });
      const took = performance.now() - at;
      if (run >= 2) times.push(took); // two warm-up runs: statement cache, pages
      rows = page.items.length;
    }
    const { sql, params } = await listSql(site.id, filters);
    const [count] = !sql ? [{ n: 0 }] : await driver.all(sql.replace(/^SELECT \* FROM responses WHERE id IN \((.*) ORDER BY .* LIMIT \?\) ORDER BY .*$/s, 'SELECT COUNT(*) AS n FROM ($1) AS page'), params.slice(0, -1));
    if (process.env.BENCH_EXPLAIN && sql) {
      const plan = await driver.all(`${engine === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'} ${sql}`, params);
      console.log(`${label}:\n  ${plan.map((row) => String(row.detail ?? row['QUERY PLAN'])).join('\n  ')}`);
    }
    results.set(label, { ...quantiles(times), rows, matching: Number(count?.n ?? 0) });
  }
  await store.close();
  return results;

  // The list's own query (one window wide enough for all time), to count what each case
  // matches and show its plan on request.
  async function listSql(siteId: string, filters: ResponseFilters) {
    let captured: { sql: string; params: SqlValue[] } = { sql: '', params: [] };
    const recorder: Driver = {
      ...driver,
      all: async (sql: string, params: readonly SqlValue[] = []) => {
        if (!sql.startsWith('SELECT * FROM responses WHERE id IN')) return driver.all(sql, params);
        captured = { sql, params: [...params] };
        return [];
      },
    };
    await createStore(recorder, () => NOW, { searchWindowMs: 1e15 }).listResponses([siteId], filters, { limit: 1 });
    return captured;
  }
}

const table = await onEachEngine(benchEngines(), measure);
printTable({
  title: `First page (50) of the list at ${ROWS.toLocaleString('en')} responses, ${RUNS} runs each; goal p95 < ${GOAL_MS} ms.`,
  countHeader: 'matching',
  labels: CASES.map(([label]) => label),
  table,
  count: (timing) => timing.matching,
  goalMs: GOAL_MS,
});
