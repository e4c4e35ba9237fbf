import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Driver } from '../../server/db/driver.ts';
import { openDatabase } from '../../server/db/open.ts';
import { claim, enqueue, startRunner, toJob, type Job, type JobHandlers } from '../../server/jobs/index.ts';
import { createAdminClient } from '../../sdk/index.ts';
import { ENGINES, startTestCollector, type Engine, type TestCollector } from '../helpers/collector.ts';

// Generous: CI runs these beside other suites on two cores, Postgres included.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

/**
 * A collector whose runner polls often and retries at once. Its lease is the default (30 s): the
 * tests that are about leases set their own, and a short one here would expire whenever a loaded
 * machine stalls a claim → outcome round trip, and run an attempt twice.
 */
async function collectorWith(engine: Engine, handlers: JobHandlers, options: { shutdownGraceMs?: number } = {}): Promise<{ collector: TestCollector; db: Driver }> {
  const collector = await startTestCollector(engine, { jobs: { handlers, pollMs: 10, backoff: { baseMs: 1, maxMs: 5 } }, ...options });
  const db = await openDatabase(collector.databaseUrl);
  cleanups.push(() => collector.dispose(), () => db.close());
  return { collector, db };
}

async function jobOf(db: Driver, kind: string): Promise<Job | undefined> {
  const [row] = await db.all('SELECT * FROM jobs WHERE kind = ?', [kind]);
  return row === undefined ? undefined : toJob(row);
}

/** Polls the job until `done` holds, for at most 60 s (a condition, not a time: it returns as soon as it holds). */
async function until(db: Driver, kind: string, done: (job: Job | undefined) => boolean): Promise<Job | undefined> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = await jobOf(db, kind);
    if (done(job)) return job;
    if (Date.now() > deadline) throw new Error(`timed out; job is ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(ENGINES)('the job runner in the collector on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL', () => undefined);
    return;
  }

  it('parks a job as dead after its attempts, shows it in GET /v1/jobs, and POST /v1/jobs/:id/retry runs it again', async () => {
    let healthy = false;
    const attempts: number[] = [];
    const { collector, db } = await collectorWith(name, {
      'test.flaky': (_payload, { attempt }) => {
        attempts.push(attempt);
        if (!healthy) throw new Error('the endpoint is down');
      },
    });
    await enqueue(db, { kind: 'test.flaky', key: 'flaky-1', siteId: collector.site.id, payload: { to: 'https://hooks.example' }, maxAttempts: 3 });
    const dead = await until(db, 'test.flaky', (job) => job?.state === 'dead');
    expect(attempts).toEqual([1, 2, 3]);
    expect(dead?.lastError).toBe('Error: the endpoint is down');

    const listed = await collector.admin('/v1/jobs?state=dead');
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { items: { id: string; kind: string; state: string; attempts: number; maxAttempts: number; lastError: string; createdAt: string }[] };
    expect(body.items).toEqual([
      expect.objectContaining({ id: dead?.id, kind: 'test.flaky', state: 'dead', attempts: 3, maxAttempts: 3, lastError: 'Error: the endpoint is down', payload: { to: 'https://hooks.example' } }),
    ]);
    expect(Date.parse(body.items[0]?.createdAt ?? '')).toBeGreaterThan(0);
    expect((await (await collector.admin('/v1/jobs?state=queued')).json()) as unknown).toEqual({ items: [] });
    // The SDK's admin client reads the same answer through its schema.
    const client = createAdminClient({ endpoint: collector.url, token: collector.site.secretKey });
    expect((await client.jobs({ state: 'dead' })).map((job) => [job.id, job.state, job.attempts])).toEqual([[dead?.id, 'dead', 3]]);
    expect(await client.jobs({ state: 'queued' })).toEqual([]);

    healthy = true;
    const retried = await collector.admin(`/v1/jobs/${dead?.id}/retry`, { method: 'POST' });
    expect(retried.status).toBe(200);
    expect(((await retried.json()) as { job: { state: string; attempts: number } }).job).toMatchObject({ state: 'queued', attempts: 0 });
    const done = await until(db, 'test.flaky', (job) => job?.state === 'done');
    expect(done?.attempts).toBe(1);
    expect(attempts).toEqual([1, 2, 3, 1]);
    // Only a dead job can be retried.
    const again = await collector.admin(`/v1/jobs/${dead?.id}/retry`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string; message: string } }).error).toEqual({ code: 'not_dead', message: 'only a dead job can be retried; this one is done' });
  });

  it('the admin job routes: a key, a valid query, and only the site’s own jobs', async () => {
    const { collector, db } = await collectorWith(name, {});
    await enqueue(db, { kind: 'test.elsewhere', key: 'x', siteId: null, payload: {}, runAt: Date.now() + 3_600_000 });
    const elsewhere = await jobOf(db, 'test.elsewhere');
    expect((await fetch(`${collector.url}/v1/jobs`)).status).toBe(401);
    const bad = await collector.admin('/v1/jobs?state=lost&limit=0');
    expect(bad.status).toBe(400);
    const issues = ((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues.map((issue) => issue.path);
    expect(issues).toEqual(expect.arrayContaining(['state', 'limit']));
    expect(((await (await collector.admin('/v1/jobs')).json()) as { items: unknown[] }).items).toEqual([]);
    expect((await collector.admin(`/v1/jobs/${elsewhere?.id}/retry`, { method: 'POST' })).status).toBe(404);
  });

  it('a job of a kind nobody handles is parked as dead with the reason, not retried', async () => {
    const { collector, db } = await collectorWith(name, {});
    await enqueue(db, { kind: 'test.nobody', key: 'n', siteId: collector.site.id, payload: {} });
    const dead = await until(db, 'test.nobody', (job) => job?.state === 'dead');
    expect(dead).toMatchObject({ attempts: 1, lastError: 'PermanentJobError: no handler for job kind "test.nobody"' });
  });

  it('a job whose runner died during its last attempt is parked as dead once the lease expires, not run again', async () => {
    let ran = false;
    const { collector, db } = await collectorWith(name, { 'test.last': () => void (ran = true) });
    // A runner that has since died claimed it, and its lease ran out (in one transaction, so the live runner sees only that).
    await db.transaction(async (tx) => {
      await enqueue(tx, { kind: 'test.last', key: 'l', siteId: collector.site.id, payload: {}, maxAttempts: 1, runAt: 0 });
      expect(await claim(tx, { owner: 'dead-runner', limit: 100, leaseMs: 1, at: 0 })).toHaveLength(1);
    });
    const dead = await until(db, 'test.last', (job) => job?.state === 'dead');
    expect(ran).toBe(false);
    expect(dead).toMatchObject({ attempts: 2, lastError: 'PermanentJobError: its runner stopped during the last of 1 attempts (lease expired)' });
  });

  it('a lease is renewed while its handler runs: a second runner never takes a job that is still running', async () => {
    const runs: string[] = [];
    const slow = async (_payload: unknown, { job }: { job: Job }) => {
      runs.push(job.leaseOwner ?? '?');
      await new Promise((resolve) => setTimeout(resolve, 2000));
    };
    const collector = await startTestCollector(name, { jobs: { handlers: { 'test.long': slow }, pollMs: 10, leaseMs: 600, owner: 'first' } });
    const db = await openDatabase(collector.databaseUrl);
    cleanups.push(() => collector.dispose(), () => db.close());
    await enqueue(db, { kind: 'test.long', key: 'long', payload: {} });
    await until(db, 'test.long', (job) => job?.state === 'running');
    const second = startRunner(db, { handlers: { 'test.long': slow }, pollMs: 10, leaseMs: 600, owner: 'second' });
    cleanups.push(() => second.stop(2000));
    await until(db, 'test.long', (job) => job?.state === 'done');
    expect(runs).toEqual(['first']);
  });

  it('close drains: a job running when the collector stops finishes before the database closes', async () => {
    let release: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (release = resolve));
    let finished = false;
    const { collector, db } = await collectorWith(
      name,
      {
        'test.slow': async () => {
          release();
          await new Promise((resolve) => setTimeout(resolve, 300));
          finished = true;
        },
      },
      // Far longer than the handler, however starved: running out of grace is the next test's subject.
      { shutdownGraceMs: 60_000 },
    );
    await enqueue(db, { kind: 'test.slow', key: 's', payload: {} });
    await started;
    await collector.close();
    expect(finished).toBe(true);
    expect((await jobOf(db, 'test.slow'))?.state).toBe('done');
  });

  it('a drain that runs out of grace aborts the handler and hands the job back, due at once', async () => {
    let release: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (release = resolve));
    let aborted = false;
    const { collector, db } = await collectorWith(
      name,
      {
        'test.stuck': (_payload, { signal }) =>
          new Promise<void>(() => {
            release();
            signal.addEventListener('abort', () => (aborted = true));
          }),
      },
      { shutdownGraceMs: 200 },
    );
    await enqueue(db, { kind: 'test.stuck', key: 's', payload: {} });
    await started;
    await collector.close();
    expect(aborted).toBe(true);
    expect(await jobOf(db, 'test.stuck')).toMatchObject({ state: 'queued', attempts: 1, leaseOwner: null });
  });
});
