import type { Driver } from '../../server/db/driver.ts';
import { migrate, MIGRATIONS } from '../../server/db/migrations.ts';
import { postgresDriver } from '../../server/db/postgres-driver.ts';
import { sqliteDriver } from '../../server/db/sqlite-driver.ts';
import { freshDatabase, type Engine } from '../helpers/collector.ts';
import { benchRowsSql, START } from './bench-responses.ts';

// What the engine benchmarks (search-bench.ts, stats-bench.ts) share: which engines run, a fresh
// database of each, the rows stored as an upgrade finds them, and the table they print.

/** The bench site's id; migration 7 gives it the team `team_bench-site`. */
export const BENCH_SITE = 'bench-site';

/** SQLite, and Postgres when BENCH_POSTGRES_URL or ONEPOINT_TEST_POSTGRES_URL is set; BENCH_ENGINES=sqlite (or postgres) keeps one. */
export function benchEngines(): Engine[] {
  const engines: Engine[] = ['sqlite', ...(process.env.BENCH_POSTGRES_URL || process.env.ONEPOINT_TEST_POSTGRES_URL ? (['postgres'] as const) : [])];
  return engines.filter((engine) => !process.env.BENCH_ENGINES || process.env.BENCH_ENGINES.split(',').includes(engine));
}

/** `measure` over a fresh database of each engine, dropped after; its results by engine. */
export async function onEachEngine<T>(engines: readonly Engine[], measure: (engine: Engine, driver: Driver) => Promise<T>): Promise<Map<Engine, T>> {
  const results = new Map<Engine, T>();
  for (const engine of engines) {
    if (engine === 'postgres' && process.env.BENCH_POSTGRES_URL) process.env.ONEPOINT_TEST_POSTGRES_URL = process.env.BENCH_POSTGRES_URL;
    const database = await freshDatabase(engine);
    const driver = engine === 'sqlite' ? sqliteDriver(database.url.replace(/^file:/, '')) : postgresDriver(database.url);
    try {
      results.set(engine, await measure(engine, driver));
    } finally {
      await database.drop();
    }
  }
  if (!engines.includes('postgres')) console.log('Postgres skipped: set BENCH_POSTGRES_URL');
  return results;
}

/**
 * `rows` responses of {@link BENCH_SITE}, made by the database itself, stored as a collector from
 * before migration 6 stored them (no side tables, no teams): the later migrations' backfills then
 * run over them as an upgrade's would. Migrations from 6 on are left to the caller.
 */
export async function storeRowsOfThen(driver: Driver, engine: Engine, rows: number): Promise<void> {
  await migrate(driver, MIGRATIONS.filter((migration) => migration.version < 6));
  await driver.run("INSERT INTO sites (id, name, public_key, secret_hash, origins, created_at) VALUES (?, 'Bench', 'pk_bench', 'none', '[\"https://shop.example\"]', ?)", [BENCH_SITE, START]);
  await driver.run(benchRowsSql(engine, BENCH_SITE, rows));
}

/** p50 and p95 of some times, in ms. */
export function quantiles(times: readonly number[]): { p50: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, p95: sorted[Math.ceil(sorted.length * 0.95) - 1] ?? Number.NaN };
}

/**
 * Prints the cases' p50 and p95 per engine as a Markdown table (with a count column: what each
 * case matched), then what missed `goalMs` at p95.
 */
export function printTable<T extends { p50: number; p95: number }>(options: {
  title: string;
  countHeader: string;
  labels: readonly string[];
  table: Map<Engine, Map<string, T>>;
  count: (timing: T) => number;
  goalMs: number;
}): void {
  const engines = [...options.table.keys()];
  const fmt = (ms: number | undefined) => (ms === undefined ? '–' : ms.toFixed(1));
  console.log(`\n${options.title}\n`);
  console.log(`| case | ${options.countHeader} | ${engines.map((engine) => `${engine} p50 | ${engine} p95`).join(' | ')} |`);
  console.log(`|---|---:|${engines.map(() => '---:|---:').join('|')}|`);
  const misses: string[] = [];
  for (const label of options.labels) {
    const cells = engines.map((engine) => {
      const timing = options.table.get(engine)?.get(label);
      if (timing && timing.p95 >= options.goalMs) misses.push(`${label} (${engine}, p95 ${fmt(timing.p95)} ms)`);
      return `${fmt(timing?.p50)} | ${fmt(timing?.p95)}`;
    });
    const first = engines[0] === undefined ? undefined : options.table.get(engines[0])?.get(label);
    console.log(`| ${label} | ${(first ? options.count(first) : 0).toLocaleString('en')} | ${cells.join(' | ')} |`);
  }
  console.log(misses.length ? `\nMissed the goal: ${misses.join('; ')}` : `\nEvery case: p95 < ${options.goalMs} ms.`);
}
