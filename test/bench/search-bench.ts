// npm run bench:search — a benchmark, not a test: it prints figures against the goal and judges nothing.
// The first page (50 rows) of the response list at BENCH_ROWS (default 1,000,000) responses of one
// site, for every list filter of SPEC §10 alone, the common pairs, and text searches that match
// nothing and about 1 % — on SQLite, and on Postgres when BENCH_POSTGRES_URL or
// ONEPOINT_TEST_POSTGRES_URL is set. Rows are made by the database itself (one INSERT … SELECT),
// stored before migration 6 so that its backfill indexes them, as an upgrade would.
// BENCH_EXPLAIN=1 prints each query's plan; BENCH_ENGINES=sqlite (or postgres) runs one engine.
import { performance } from 'node:perf_hooks';
import type { Driver, SqlValue } from '../../server/db/driver.ts';
import { migrate, MIGRATIONS } from '../../server/db/migrations.ts';
import { postgresDriver } from '../../server/db/postgres-driver.ts';
import { sqliteDriver } from '../../server/db/sqlite-driver.ts';
import { createStore } from '../../server/store.ts';
import type { ResponseFilters } from '../../server/store.ts';
import { freshDatabase, type Engine } from '../helpers/collector.ts';
import { benchRowsSql, DAY, START } from './bench-responses.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = 20;
const GOAL_MS = 50;
const NOW = START + 365 * DAY;

const HIT_WORD = 'refund';
const MISS_WORD = 'zyzzyva';
const rowsSql = (engine: Engine, siteId: string) => benchRowsSql(engine, siteId, ROWS);

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
  await migrate(driver, MIGRATIONS.filter((migration) => migration.version < 6));
  // The site as the collector of then stored it (no teams yet): migration 7 gives it its team.
  const siteId = 'bench-site';
  await driver.run("INSERT INTO sites (id, name, public_key, secret_hash, origins, created_at) VALUES (?, 'Bench', 'pk_bench', 'none', '[\"https://shop.example\"]', ?)", [siteId, START]);
  await driver.run(rowsSql(engine, siteId));
  const filled = performance.now();
  await migrate(driver);
  const store = createStore(driver, () => NOW);
  const site = { id: siteId };
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
    times.sort((a, b) => a - b);
    const { sql, params } = await listSql(site.id, filters);
    const [count] = !sql ? [{ n: 0 }] : await driver.all(sql.replace(/^SELECT \* FROM responses WHERE id IN \((.*) ORDER BY .* LIMIT \?\) ORDER BY .*$/s, 'SELECT COUNT(*) AS n FROM ($1) AS page'), params.slice(0, -1));
    if (process.env.BENCH_EXPLAIN && sql) {
      const plan = await driver.all(`${engine === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'} ${sql}`, params);
      console.log(`${label}:\n  ${plan.map((row) => String(row.detail ?? row['QUERY PLAN'])).join('\n  ')}`);
    }
    results.set(label, { p50: times[Math.floor(RUNS / 2)] ?? NaN, p95: times[Math.ceil(RUNS * 0.95) - 1] ?? NaN, rows, matching: Number(count?.n ?? 0) });
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

const engines: Engine[] = (['sqlite', ...(process.env.BENCH_POSTGRES_URL || process.env.ONEPOINT_TEST_POSTGRES_URL ? (['postgres'] as const) : [])] as const).filter(
  (engine) => !process.env.BENCH_ENGINES || process.env.BENCH_ENGINES.split(',').includes(engine),
);
const table = new Map<Engine, Map<string, Timing>>();
for (const engine of engines) {
  if (engine === 'postgres' && process.env.BENCH_POSTGRES_URL) process.env.ONEPOINT_TEST_POSTGRES_URL = process.env.BENCH_POSTGRES_URL;
  const database = await freshDatabase(engine);
  const driver = engine === 'sqlite' ? sqliteDriver(database.url.replace(/^file:/, '')) : postgresDriver(database.url);
  try {
    table.set(engine, await measure(engine, driver));
  } finally {
    await database.drop();
  }
}
if (!engines.includes('postgres')) console.log('Postgres skipped: set BENCH_POSTGRES_URL');

const fmt = (ms: number | undefined) => (ms === undefined ? '–' : ms.toFixed(1));
console.log(`\nFirst page (50) of the list at ${ROWS.toLocaleString('en')} responses, ${RUNS} runs each; goal p95 < ${GOAL_MS} ms.\n`);
console.log(`| case | matching | ${engines.map((e) => `${e} p50 | ${e} p95`).join(' | ')} |`);
console.log(`|---|---:|${engines.map(() => '---:|---:').join('|')}|`);
const misses: string[] = [];
for (const [label] of CASES) {
  const cells = engines.map((engine) => {
    const timing = table.get(engine)?.get(label);
    if (timing && timing.p95 >= GOAL_MS) misses.push(`${label} (${engine}, p95 ${fmt(timing.p95)} ms)`);
    return `${fmt(timing?.p50)} | ${fmt(timing?.p95)}`;
  });
  const matching = table.get(engines[0] ?? 'sqlite')?.get(label)?.matching ?? 0;
  console.log(`| ${label} | ${matching.toLocaleString('en')} | ${cells.join(' | ')} |`);
}
console.log(misses.length ? `\nMissed the goal: ${misses.join('; ')}` : `\nEvery case: p95 < ${GOAL_MS} ms.`);
