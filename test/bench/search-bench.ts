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

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = 20;
const GOAL_MS = 50;
const DAY = 86_400_000;
const START = Date.UTC(2025, 11, 1);
const NOW = START + 365 * DAY;

// Feedback words: each comment draws 5 of the 150, so one word is in ~3.3 % of comments,
// ~1 % of all responses (30 % have a comment).
const WORDS = (
  'price expensive cheap value checkout slow fast easy hard support helpful rude waited refund delivery late early package broken ' +
  'quality great good bad awful love hate app website mobile login password account email invoice billing plan upgrade downgrade ' +
  'feature missing export import report dashboard search filter sort bug crash error freeze update version install setup onboarding ' +
  'tutorial docs documentation api integration slack calendar sync offline notification reminder settings privacy security team ' +
  'invite share comment reply chat phone call agent manager recommend friend colleague competitor switch cancel trial discount ' +
  'coupon shipping return exchange size color design layout font dark mode button menu page loading speed performance reliable ' +
  'stable outage downtime weekend morning evening daily weekly monthly yearly contract renewal sales demo pricing tier storage ' +
  'limit quota upload download file photo video audio print scan card payment paypal bank transfer tax receipt order cart wishlist ' +
  'stock available sold review rating star'
).split(' ');
const HIT_WORD = 'refund';
const MISS_WORD = 'zyzzyva';
const DRIVERS = ['price', 'quality', 'support', 'speed', 'ease', 'features', 'delivery', 'reliability'];
const OWNERS = ['alex', 'blake', 'casey', 'drew', 'emery', 'finley', 'gray', 'harper'];

/** A deterministic spread of row `i` in 0…999,999 (the same data on both engines). */
const h = (a: number, b: number) => `((i * ${a} + ${b}) % 1000003)`;
const pick = (list: string[], a: number, b: number) => `(CASE ${h(a, b)} % ${list.length} ${list.map((word, n) => `WHEN ${n} THEN '${word}'`).join(' ')} END)`;

function rowsSql(engine: Engine, siteId: string): string {
  const cat = (parts: string[]) => parts.join(' || ');
  const words = (count: number, salt: number) => cat(Array.from({ length: count }, (_, n) => (n ? `' ' || ${pick(WORDS, 7919 + 104_729 * n + salt, 17 * n + salt)}` : pick(WORDS, 7919 + salt, salt))));
  const score = `(CASE WHEN ${h(31, 7)} % 100 < 2 THEN 0 WHEN ${h(31, 7)} % 100 < 4 THEN 1 WHEN ${h(31, 7)} % 100 < 6 THEN 2 WHEN ${h(31, 7)} % 100 < 8 THEN 3 WHEN ${h(31, 7)} % 100 < 10 THEN 4
    WHEN ${h(31, 7)} % 100 < 14 THEN 5 WHEN ${h(31, 7)} % 100 < 20 THEN 6 WHEN ${h(31, 7)} % 100 < 32 THEN 7 WHEN ${h(31, 7)} % 100 < 50 THEN 8 WHEN ${h(31, 7)} % 100 < 72 THEN 9 ELSE 10 END)`;
  const received = `(${START} + i * ${Math.floor((365 * DAY) / ROWS)})`;
  const identified = `${h(211, 3)} % 100 < 40`;
  const columns = {
    id: `'bench-' || i`,
    site_id: `'${siteId}'`,
    survey_id: `'nps'`,
    seq: '1',
    score,
    segment: `(CASE WHEN ${score} >= 9 THEN 'promoter' WHEN ${score} >= 7 THEN 'passive' ELSE 'detractor' END)`,
    status: `(CASE WHEN ${h(41, 5)} % 100 < 85 THEN 'complete' ELSE 'partial' END)`,
    comment: `(CASE WHEN ${h(53, 11)} % 100 < 30 THEN ${words(5, 1)} END)`,
    follow_up: `(CASE WHEN ${h(59, 13)} % 100 < 10 THEN ${words(3, 2)} END)`,
    drivers: `(CASE WHEN ${h(61, 17)} % 100 < 30 THEN '["' || ${pick(DRIVERS, 67, 19)} || '"]' WHEN ${h(61, 17)} % 100 < 50 THEN '["' || ${pick(DRIVERS, 67, 19)} || '","' || ${pick(DRIVERS, 71, 23)} || '"]' END)`,
    contact_consent: `(CASE WHEN ${h(73, 29)} % 100 < 15 THEN 1 ELSE 0 END)`,
    contact_email: `(CASE WHEN ${h(73, 29)} % 100 < 15 THEN 'c' || i || '@example.com' END)`,
    anonymous_id: `'anon-' || (i % 400000)`,
    user_id: `(CASE WHEN ${identified} THEN 'user-' || (i % 200000) END)`,
    user_email: `(CASE WHEN ${identified} AND ${h(79, 31)} % 100 < 30 THEN 'u' || (i % 200000) || '@example.com' END)`,
    user_name: 'NULL',
    user_traits: `(CASE WHEN ${identified} THEN '{"plan":"' || (CASE WHEN ${h(83, 37)} % 100 < 60 THEN 'free' WHEN ${h(83, 37)} % 100 < 90 THEN 'pro' ELSE 'enterprise' END) || '","seats":' || (${h(89, 41)} % 50) || ',"role":"' || ${pick(['admin', 'member', 'owner'], 97, 43)} || '"}' END)`,
    url: `'https://shop.example/p/' || (i % 50)`,
    locale: pick(['en', 'fr', 'de'], 101, 47),
    test: `(CASE WHEN ${h(103, 53)} % 1000 < 5 THEN 1 ELSE 0 END)`,
    client_created_at: `'2026-01-01T00:00:00.000Z'`,
    received_at: received,
    received_day: `(${received} / ${DAY})`,
    updated_at: received,
    // Older follow-ups are mostly done: a quarter stay open (and so overdue once a week has passed).
    follow_up_status: pick(['new', 'new', 'contacted', 'resolved', 'resolved', 'resolved', 'not_needed', 'not_needed'], 107, 59),
    follow_up_owner: `(CASE WHEN ${h(109, 61)} % 100 < 40 THEN ${pick(OWNERS, 113, 67)} END)`,
    due_at: `(${received} + ${7 * DAY})`,
  };
  const names = Object.keys(columns).join(', ');
  const values = Object.values(columns).join(',\n ');
  if (engine === 'postgres') return `INSERT INTO responses (${names}) SELECT ${values} FROM generate_series(0::bigint, ${ROWS - 1}) AS g(i)`;
  return `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS - 1}) INSERT INTO responses (${names}) SELECT ${values} FROM n`;
}

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
