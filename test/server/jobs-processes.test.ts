import { afterEach, describe, expect, it } from 'vitest';
import type { Driver } from '../../server/db/driver.ts';
import { openDatabase } from '../../server/db/open.ts';
import { enqueue } from '../../server/jobs/index.ts';
import { ENGINES, freshDatabase, type Engine } from '../helpers/collector.ts';
import { spawnCollector } from '../helpers/collector-process.ts';

const JOBS = 1000;
const WORKER = 'test/helpers/jobs-worker.ts';
type Worker = Awaited<ReturnType<typeof spawnCollector>>;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

/** A fresh database with 1,000 `test.record` jobs, and the tables the worker's handler writes. */
async function databaseWithJobs(engine: Engine): Promise<{ url: string; db: Driver }> {
  const database = await freshDatabase(engine);
  const db = await openDatabase(database.url);
  cleanups.push(() => database.drop(), () => db.close());
  await db.run('CREATE TABLE test_job_runs (job_id TEXT NOT NULL, owner TEXT NOT NULL, attempt INTEGER NOT NULL)');
  await db.run('CREATE TABLE test_job_effects (job_key TEXT PRIMARY KEY)');
  await db.transaction(async (tx) => {
    for (let i = 0; i < JOBS; i++) await enqueue(tx, { kind: 'test.record', key: `job-${i}`, payload: { i } });
  });
  return { url: database.url, db };
}

async function worker(url: string, owner: string, env: Record<string, string> = {}): Promise<Worker> {
  const spawned = await spawnCollector({ DATABASE_URL: url, JOB_OWNER: owner, LOG_LEVEL: 'warn', ...env }, WORKER);
  cleanups.push(async () => {
    if (spawned.child.exitCode === null && spawned.child.signalCode === null) spawned.child.kill('SIGKILL');
    await spawned.exited;
  });
  return spawned;
}

/** Polls `read` until `done` holds, for at most `ms`. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const count = async (db: Driver, sql: string) => Number((await db.all(sql))[0]?.n);
const doneJobs = (db: Driver) => count(db, "SELECT COUNT(*) AS n FROM jobs WHERE kind = 'test.record' AND state = 'done'"); // the collector's own daily jobs (mail, retention) run too

async function expectAllDoneOnce(db: Driver) {
  expect(await count(db, "SELECT COUNT(*) AS n FROM jobs WHERE kind = 'test.record' AND state <> 'done'")).toBe(0);
  expect(await count(db, 'SELECT COUNT(*) AS n FROM test_job_effects')).toBe(JOBS);
}

describe.each(ENGINES)('jobs across processes on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL', () => undefined);
    return;
  }
  const processes = name === 'postgres' ? ['a', 'b'] : ['a'];

  it(`${processes.length === 2 ? 'two collector processes run' : 'one collector process runs'} 1,000 jobs, each handled exactly once`, async () => {
    const { url, db } = await databaseWithJobs(name);
    const workers = await Promise.all(processes.map((owner) => worker(url, owner, { JOB_LEASE_MS: '5000' })));
    await until(() => doneJobs(db), (n) => n === JOBS, 120_000, 'all jobs done');
    await expectAllDoneOnce(db);
    expect(await count(db, 'SELECT COUNT(*) AS n FROM test_job_runs')).toBe(JOBS);
    expect(await count(db, 'SELECT COUNT(DISTINCT job_id) AS n FROM test_job_runs')).toBe(JOBS);
    if (processes.length === 2) {
      // Both took a share: the claim hands each job to one of them, not all to the first.
      const shares = await db.all('SELECT owner, COUNT(*) AS n FROM test_job_runs GROUP BY owner ORDER BY owner');
      expect(shares.map((share) => share.owner)).toEqual(['a', 'b']);
    }
    for (const spawned of workers) spawned.child.kill('SIGTERM');
    expect(await Promise.all(workers.map((spawned) => spawned.exited))).toEqual(workers.map(() => 0));
  }, 300_000);

  it(`kill -9 mid-run: the jobs it held run again after their lease expires${processes.length === 2 ? ' on the other process' : ' once it is restarted'}, none lost`, async () => {
    const { url, db } = await databaseWithJobs(name);
    const env = { JOB_LEASE_MS: '5000', JOB_HANDLER_MS: '30' };
    // The victim's runs after its 100th hang, as handlers do mid-run: it holds their leases when it
    // dies, wherever the kill lands (a busy machine could otherwise land it between two claims).
    const victim = await worker(url, 'a', { ...env, JOB_STALL_AFTER: '100' });
    const survivor = processes.length === 2 ? await worker(url, 'b', env) : undefined;
    await until(() => count(db, "SELECT COUNT(*) AS n FROM test_job_runs WHERE owner = 'a'"), (n) => n >= 110, 120_000, 'a mid-run');
    victim.child.kill('SIGKILL');
    await victim.exited;
    const held = await db.all("SELECT id, attempts FROM jobs WHERE state = 'running' AND lease_owner = 'a'");
    expect(held.length).toBeGreaterThan(0);
    // SQLite: one process; a new one takes over the file, as a restart after a crash would.
    const next = survivor ?? (await worker(url, 'c', env));
    await until(() => doneJobs(db), (n) => n === JOBS, 120_000, 'all jobs done');
    await expectAllDoneOnce(db);
    const takeover = next === survivor ? 'b' : 'c';
    for (const { id, attempts } of held) {
      if (typeof id !== 'string' || typeof attempts !== 'number') throw new Error('a job has a text id and a number of attempts');
      const runs = await db.all('SELECT owner, attempt FROM test_job_runs WHERE job_id = ? ORDER BY attempt', [id]);
      // The next attempt after the one that died, on the process that took over, and nothing after by the dead one.
      expect(runs).toContainEqual({ owner: takeover, attempt: attempts + 1 });
      expect(runs.at(-1)?.owner).toBe(takeover);
    }
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
  }, 300_000);
});
