// npm run bench:collector — a benchmark, not a test: it prints figures and judges nothing.
//   1. ingest: POST /v1/responses on the collector (SQLite, WAL) vs a bare node:http server that
//      parses the same JSON and answers 200, by autocannon over loopback;
//   2. background jobs: 5,000 no-op jobs enqueued, then timed while one runner drains them;
//   3. the stats query at 10k, 100k and 1M stored responses;
// 2 and 3 on SQLite, and on Postgres when BENCH_POSTGRES_URL or ONEPOINT_TEST_POSTGRES_URL is
// set. BENCH_PARTS=ingest,jobs,stats picks parts (all by default).
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/db/open.ts';
import { createStore } from '../../server/store.ts';
import type { Driver } from '../../server/db/driver.ts';
import { enqueue, startRunner } from '../../server/jobs/index.ts';
import { freshDatabase } from '../helpers/collector.ts';
import { freePort, spawnCollector } from '../helpers/collector-process.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;
const ORIGIN = 'https://shop.example';
const PARTS = new Set((process.env.BENCH_PARTS ?? 'ingest,jobs,stats').split(','));
const JOBS = 5000;
const postgresUrl = process.env.BENCH_POSTGRES_URL || process.env.ONEPOINT_TEST_POSTGRES_URL;

function body(siteKey: string) {
  return JSON.stringify({
    id: randomUUID(),
    siteKey,
    surveyId: 'nps',
    seq: 1,
    score: Math.floor(Math.random() * 11),
    status: 'partial',
    anonymousId: 'bench-visitor',
    comment: 'The export could be faster',
    context: { url: 'https://shop.example/checkout', locale: 'en', createdAt: new Date().toISOString() },
  });
}

async function load(url: string, siteKey: string) {
  const result = await autocannon({
    url: `${url}/v1/responses`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, setupRequest: (request) => ({ ...request, body: body(siteKey) }) }],
  });
  const ok = result['2xx'];
  return { rps: Math.round(ok / SECONDS), p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors };
}

/** The baseline: node:http that parses the same JSON and answers 200, in its own process like the collector. */
async function bareServer() {
  const port = await freePort();
  const code = `require('node:http').createServer((q, s) => { let t = ''; q.on('data', (c) => (t += c)); q.on('end', () => { const p = JSON.parse(t); s.writeHead(200, { 'content-type': 'application/json' }); s.end(JSON.stringify({ id: p.id, seq: 1, segment: 'promoter' })); }); }).listen(${port}, '127.0.0.1', () => console.log('ready'));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => child.kill('SIGTERM') };
}

/** Fills `responses` up to `target` rows for one site, spread over the last year, in bulk. */
async function fill(db: Driver, siteId: string, from: number, target: number) {
  const now = Date.now();
  const year = 365 * 86_400_000;
  if (db.dialect === 'postgres') {
    await db.run(
      `INSERT INTO responses (id, site_id, survey_id, seq, score, segment, status, anonymous_id, url, locale, test, client_created_at, received_at, received_day, updated_at)
       SELECT md5(random()::text || g::text), ?, 'nps', 1, s, CASE WHEN s >= 9 THEN 'promoter' WHEN s >= 7 THEN 'passive' ELSE 'detractor' END,
              'complete', 'bench', 'https://shop.example/', 'en', 0, '2026-01-01T00:00:00Z', r, r / 86400000, r
       FROM (SELECT g, floor(random() * 11)::int AS s, (?::bigint - floor(random() * ?::bigint))::bigint AS r FROM generate_series(?::int, ?::int) AS g) AS rows`,
      [siteId, now, year, from + 1, target],
    );
    await db.run('ANALYZE responses');
    return;
  }
  await db.transaction(async (tx) => {
    for (let i = from; i < target; i++) {
      const score = Math.floor(Math.random() * 11);
      const at = now - Math.floor(Math.random() * year);
      await tx.run(
        `INSERT INTO responses (id, site_id, survey_id, seq, score, segment, status, anonymous_id, url, locale, test, client_created_at, received_at, received_day, updated_at)
         VALUES (?, ?, 'nps', 1, ?, ?, 'complete', 'bench', 'https://shop.example/', 'en', 0, '2026-01-01T00:00:00Z', ?, ?, ?)`,
        [randomUUID(), siteId, score, score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor', at, Math.floor(at / 86_400_000), at],
      );
    }
  });
  await db.run('ANALYZE');
}

async function statsTimings(label: string, url: string) {
  const db = await openDatabase(url);
  const store = createStore(db);
  const { site } = await store.createSite({ name: 'Bench', origins: [ORIGIN] });
  let filled = 0;
  for (const size of [10_000, 100_000, 1_000_000]) {
    await fill(db, site.id, filled, size);
    filled = size;
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const started = performance.now();
      await store.stats([site.id], {}, 'week');
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`stats (${label})  ${String(size).padStart(9)} rows   median ${times[3]?.toFixed(1)} ms   worst ${times.at(-1)?.toFixed(1)} ms`);
  }
  await store.close();
}

/** Enqueues {@link JOBS} no-op jobs, then times one runner (as the collector starts it, 20 at a time) draining them. */
async function jobTimings(label: string, url: string) {
  const db = await openDatabase(url);
  const started = performance.now();
  await db.transaction(async (tx) => {
    for (let i = 0; i < JOBS; i++) await enqueue(tx, { kind: 'bench.noop', key: `noop-${i}`, payload: { i } });
  });
  const enqueued = performance.now();
  let handled = 0;
  const runner = startRunner(db, { pollMs: 50, handlers: { 'bench.noop': () => void handled++ } });
  const count = async () => Number((await db.all("SELECT COUNT(*) AS n FROM jobs WHERE state = 'done'"))[0]?.n);
  const deadline = Date.now() + 300_000;
  while ((await count()) < JOBS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const drained = performance.now();
  await runner.stop(5000);
  const done = await count();
  await db.close();
  const rate = (ms: number) => Math.round(JOBS / (ms / 1000));
  console.log(`jobs (${label})  enqueue ${rate(enqueued - started)} jobs/s (one transaction)   run ${rate(drained - enqueued)} jobs/s (${done} of ${JOBS} done, ${handled} handler calls; goal ≥ 500/s on SQLite)`);
}

const dir = mkdtempSync(join(tmpdir(), 'onepoint-bench-'));
try {
  if (PARTS.has('ingest')) await ingestTimings();
  if (PARTS.has('jobs')) {
    await jobTimings('SQLite  ', `file:${join(dir, 'jobs.sqlite')}`);
    if (postgresUrl) {
      const database = await freshDatabase('postgres');
      try {
        await jobTimings('Postgres', database.url);
      } finally {
        await database.drop();
      }
    } else console.log('jobs (Postgres) skipped: set BENCH_POSTGRES_URL');
  }
  if (PARTS.has('stats')) await statsBench();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function ingestTimings() {
  const ingestUrl = `file:${join(dir, 'ingest.sqlite')}`;
  const setup = createStore(await openDatabase(ingestUrl));
  const { site } = await setup.createSite({ name: 'Bench', origins: [ORIGIN] });
  await setup.close();
  const collector = await spawnCollector({ DATABASE_URL: ingestUrl, LOG_LEVEL: 'warn' });
  const bare = await bareServer();
  // Each server warmed up under the same load before it is measured (the JIT, the statement
  // cache, SQLite's pages; the first run also warms the load generator itself).
  await load(bare.url, site.publicKey);
  const baseline = await load(bare.url, site.publicKey);
  await load(collector.url, site.publicKey);
  const ingest = await load(collector.url, site.publicKey);
  bare.close();
  collector.child.kill('SIGTERM');
  await collector.exited;
  console.log(`ingest  bare node:http     ${baseline.rps} req/s   p50 ${baseline.p50} ms   p99 ${baseline.p99} ms`);
  console.log(`ingest  collector (SQLite) ${ingest.rps} req/s   p50 ${ingest.p50} ms   p99 ${ingest.p99} ms   errors ${ingest.errors}`);
  console.log(`ingest  ratio ${((100 * ingest.rps) / baseline.rps).toFixed(0)} % of the bare server (goal ≥ 50 %), p99 ${ingest.p99} ms (goal < 25 ms)`);
}

async function statsBench() {
  await statsTimings('SQLite  ', `file:${join(dir, 'stats.sqlite')}`);
  if (postgresUrl) {
    const database = await freshDatabase('postgres');
    try {
      await statsTimings('Postgres', database.url);
    } finally {
      await database.drop();
    }
  } else console.log('stats (Postgres) skipped: set BENCH_POSTGRES_URL');
}
