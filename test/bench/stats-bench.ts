// npm run bench:stats — a benchmark, not a test: it prints figures against the goal and judges nothing.
// GET /v1/stats (the store's stats: responseStats with the impressions' shownOf) at BENCH_ROWS
// (default 1,000,000) responses of one site, without a filter, over a month, for a survey and for
// a trait — on SQLite, and on Postgres when BENCH_POSTGRES_URL or ONEPOINT_TEST_POSTGRES_URL is
// set. Rows are made by the database itself (one INSERT … SELECT) before the side tables'
// migrations, so their backfills run as an upgrade's would; every follow-up that left `new` gets
// its timeline's status rows (a contact within three days, then for some a resolution).
// BENCH_ENGINES=sqlite (or postgres) runs one engine.
import { performance } from 'node:perf_hooks';
import type { Driver } from '../../server/db/driver.ts';
import { migrate, MIGRATIONS } from '../../server/db/migrations.ts';
import { postgresDriver } from '../../server/db/postgres-driver.ts';
import { sqliteDriver } from '../../server/db/sqlite-driver.ts';
import { createStore } from '../../server/store.ts';
import type { StatsFilters } from '../../server/responses/stats-filters.ts';
import { freshDatabase, type Engine } from '../helpers/collector.ts';
import { benchRowsSql, DAY, START } from './bench-responses.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = 20;
const GOAL_MS = 200;
const NOW = START + 365 * DAY;
const HOUR = 3_600_000;

const CASES: [string, StatsFilters][] = [
  ['no filter', {}],
  ['date range (a month)', { from: START + 100 * DAY, to: START + 130 * DAY }],
  ['survey', { surveyId: 'nps' }],
  ['trait', { trait: { key: 'plan', value: 'enterprise' } }],
];

/**
 * The status rows of the follow-ups the rows left `new`: a first change 1–72 hours after the
 * response arrived, and for half of the resolved ones a second a day later.
 */
function statusNotesSql(): string[] {
  const insert = `INSERT INTO follow_up_notes (id, response_id, kind, status, owner, author, author_type, from_value, to_value, position, created_at)`;
  return [
    `${insert} SELECT 'c-' || id, id, 'status', follow_up_status, follow_up_owner, 'Bench', 'member', 'new', follow_up_status, 1,
       received_at + (1 + (received_at / 1000) % 72) * ${HOUR}
     FROM responses WHERE follow_up_status <> 'new'`,
    `${insert} SELECT 'r-' || id, id, 'status', 'resolved', follow_up_owner, 'Bench', 'member', 'contacted', 'resolved', 2,
       received_at + (25 + (received_at / 1000) % 72) * ${HOUR}
     FROM responses WHERE follow_up_status = 'resolved' AND (received_at / 1000) % 2 = 0`,
  ];
}

interface Timing {
  p50: number;
  p95: number;
  responses: number;
}

async function measure(engine: Engine, driver: Driver): Promise<Map<string, Timing>> {
  const started = performance.now();
  await migrate(driver, MIGRATIONS.filter((migration) => migration.version < 6));
  // The site as the collector of then stored it (no teams yet): migration 7 gives it its team.
  const siteId = 'bench-site';
  await driver.run("INSERT INTO sites (id, name, public_key, secret_hash, origins, created_at) VALUES (?, 'Bench', 'pk_bench', 'none', '[\"https://shop.example\"]', ?)", [siteId, START]);
  await driver.run(benchRowsSql(engine, siteId, ROWS));
  await migrate(driver, MIGRATIONS.filter((migration) => migration.version < 15));
  for (const sql of statusNotesSql()) await driver.run(sql);
  const filled = performance.now();
  await migrate(driver);
  await driver.run(engine === 'sqlite' ? 'ANALYZE' : 'VACUUM ANALYZE');
  const notes = Number((await driver.all('SELECT COUNT(*) AS n FROM follow_up_notes'))[0]?.n);
  console.log(`${engine}: ${ROWS.toLocaleString('en')} rows and ${notes.toLocaleString('en')} status notes in ${((filled - started) / 1000).toFixed(1)} s, later migrations + analyze ${((performance.now() - filled) / 1000).toFixed(1)} s`);

  const store = createStore(driver, () => NOW);
  const results = new Map<string, Timing>();
  for (const [label, filters] of CASES) {
    const times: number[] = [];
    let responses = 0;
    for (let run = 0; run < RUNS + 2; run++) {
      const at = performance.now();
      const stats = await store.stats([siteId], filters, 'week');
      const took = performance.now() - at;
      if (run >= 2) times.push(took); // two warm-up runs: statement cache, pages
      responses = stats.summary.total;
    }
    times.sort((a, b) => a - b);
    results.set(label, { p50: times[Math.floor(RUNS / 2)] ?? NaN, p95: times[Math.ceil(RUNS * 0.95) - 1] ?? NaN, responses });
  }
  await store.close();
  return results;
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
console.log(`\nGET /v1/stats (interval week) at ${ROWS.toLocaleString('en')} responses, ${RUNS} runs each; goal p95 < ${GOAL_MS} ms.\n`);
console.log(`| case | responses | ${engines.map((e) => `${e} p50 | ${e} p95`).join(' | ')} |`);
console.log(`|---|---:|${engines.map(() => '---:|---:').join('|')}|`);
const misses: string[] = [];
for (const [label] of CASES) {
  const cells = engines.map((engine) => {
    const timing = table.get(engine)?.get(label);
    if (timing && timing.p95 >= GOAL_MS) misses.push(`${label} (${engine}, p95 ${fmt(timing.p95)} ms)`);
    return `${fmt(timing?.p50)} | ${fmt(timing?.p95)}`;
  });
  const responses = table.get(engines[0] ?? 'sqlite')?.get(label)?.responses ?? 0;
  console.log(`| ${label} | ${responses.toLocaleString('en')} | ${cells.join(' | ')} |`);
}
console.log(misses.length ? `\nMissed the goal: ${misses.join('; ')}` : `\nEvery case: p95 < ${GOAL_MS} ms.`);
