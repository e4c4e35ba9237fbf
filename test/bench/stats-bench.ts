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
import { createStore } from '../../server/store.ts';
import type { StatsFilters } from '../../server/responses/stats-filters.ts';
import type { Engine } from '../helpers/collector.ts';
import { BENCH_SITE, benchEngines, onEachEngine, printTable, quantiles, storeRowsOfThen } from './bench-engines.ts';
import { DAY, START } from './bench-responses.ts';

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
  await storeRowsOfThen(driver, engine, ROWS);
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
      const stats = await store.stats([BENCH_SITE], filters, 'week');
      const took = performance.now() - at;
      if (run >= 2) times.push(took); // two warm-up runs: statement cache, pages
      responses = stats.summary.total;
    }
    results.set(label, { ...quantiles(times), responses });
  }
  await store.close();
  return results;
}

const table = await onEachEngine(benchEngines(), measure);
printTable({
  title: `GET /v1/stats (interval week) at ${ROWS.toLocaleString('en')} responses, ${RUNS} runs each; goal p95 < ${GOAL_MS} ms.`,
  countHeader: 'responses',
  labels: CASES.map(([label]) => label),
  table,
  count: (timing) => timing.responses,
  goalMs: GOAL_MS,
});
