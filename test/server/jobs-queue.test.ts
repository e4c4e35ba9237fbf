import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from '../../server/db/driver.ts';
import { openDatabase } from '../../server/db/open.ts';
import { claim, complete, enqueue, fail, renewLeases, toJob } from '../../server/jobs/index.ts';
import { ENGINES, freshDatabase } from '../helpers/collector.ts';

const T = 1_800_000_000_000;

describe.each(ENGINES)('the job queue on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL', () => undefined);
    return;
  }
  let db: Driver;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await freshDatabase(name);
    drop = database.drop;
    db = await openDatabase(database.url);
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });
  const jobsOf = async (kind: string) => (await db.all('SELECT * FROM jobs WHERE kind = ? ORDER BY id', [kind])).map(toJob);

  it('one job per kind and idempotency key: enqueuing the same key again is a no-op', async () => {
    expect(await enqueue(db, { kind: 'once', key: 'k', payload: { n: 1 } }, T)).toBe(true);
    expect(await enqueue(db, { kind: 'once', key: 'k', payload: { n: 2 } }, T)).toBe(false);
    expect(await enqueue(db, { kind: 'once-other', key: 'k', payload: { n: 3 } }, T)).toBe(true);
    const jobs = await jobsOf('once');
    expect(jobs.map((job) => [job.key, job.payload, job.state, job.attempts])).toEqual([['k', { n: 1 }, 'queued', 0]]);
  });

  it('a job enqueued in a transaction that fails is rolled back with the write that caused it', async () => {
    const failing = db.transaction(async (tx) => {
      await tx.run('INSERT INTO dismissals (site_id, user_id, dismissed_at) SELECT id, ?, ? FROM sites', ['u-rolled-back', T]);
      await enqueue(tx, { kind: 'rolled-back', key: 'r', payload: {} }, T);
      await tx.run('INSERT INTO no_such_table (x) VALUES (1)');
    });
    await expect(failing).rejects.toThrow(/no_such_table/);
    expect(await jobsOf('rolled-back')).toEqual([]);
    // The same work without the failing statement commits both.
    await db.transaction(async (tx) => {
      await enqueue(tx, { kind: 'rolled-back', key: 'r', payload: {} }, T);
    });
    expect(await jobsOf('rolled-back')).toHaveLength(1);
  });

  it('a lease keeps a job from other runners until it expires; then another takes it and the first cannot complete it', async () => {
    await enqueue(db, { kind: 'lease', key: 'l', payload: {}, runAt: T }, T);
    const mine = (await claim(db, { owner: 'a', limit: 10, leaseMs: 1000, at: T })).filter((job) => job.kind === 'lease');
    expect(mine.map((job) => [job.state, job.attempts, job.leaseOwner, job.leaseExpiresAt])).toEqual([['running', 1, 'a', T + 1000]]);
    expect((await claim(db, { owner: 'b', limit: 10, leaseMs: 1000, at: T + 999 })).filter((job) => job.kind === 'lease')).toEqual([]);
    // Renewed while the handler runs: still a's at T + 1500.
    expect(await renewLeases(db, 'a', T + 2000, T + 500)).toBeGreaterThan(0);
    expect((await claim(db, { owner: 'b', limit: 10, leaseMs: 1000, at: T + 1500 })).filter((job) => job.kind === 'lease')).toEqual([]);
    const taken = (await claim(db, { owner: 'b', limit: 10, leaseMs: 1000, at: T + 2000 })).filter((job) => job.kind === 'lease');
    expect(taken.map((job) => [job.leaseOwner, job.attempts])).toEqual([['b', 2]]);
    const [job] = mine;
    if (!job) throw new Error('not claimed');
    expect(await complete(db, job, 'a', T + 2001)).toBe(false);
    const [theirs] = taken;
    if (!theirs) throw new Error('not taken');
    expect(await complete(db, theirs, 'b', T + 2002)).toBe(true);
    expect((await jobsOf('lease')).map((row) => [row.state, row.leaseOwner])).toEqual([['done', null]]);
  });

  it('an attempt whose lease its own runner took again records nothing: only the attempt holding the lease does', async () => {
    // A starved runner: its renewal came too late, and its next claim took its own job again.
    await enqueue(db, { kind: 'retaken', key: 'r', payload: {}, runAt: T, maxAttempts: 3 }, T);
    const [stale] = (await claim(db, { owner: 'a', limit: 10, leaseMs: 1000, at: T })).filter((job) => job.kind === 'retaken');
    const [current] = (await claim(db, { owner: 'a', limit: 10, leaseMs: 1000, at: T + 1000 })).filter((job) => job.kind === 'retaken');
    if (!stale || !current) throw new Error('not claimed twice');
    expect([stale.attempts, current.attempts]).toEqual([1, 2]);
    expect(await fail(db, stale, 'a', 'Error: stale', T + 5000, T + 1001)).toBe(false);
    expect(await complete(db, stale, 'a', T + 1002)).toBe(false);
    expect((await jobsOf('retaken')).map((row) => [row.state, row.attempts, row.leaseOwner, row.lastError])).toEqual([['running', 2, 'a', null]]);
    expect(await fail(db, current, 'a', 'Error: current', null, T + 1003)).toBe(true);
    expect((await jobsOf('retaken')).map((row) => [row.state, row.attempts, row.lastError])).toEqual([['dead', 2, 'Error: current']]);
  });

  it('a failed attempt waits for its retry time; a parked one is never claimed again', async () => {
    await enqueue(db, { kind: 'flaky', key: 'f', payload: {}, runAt: T, maxAttempts: 2 }, T);
    const [first] = (await claim(db, { owner: 'a', limit: 10, leaseMs: 1000, at: T })).filter((job) => job.kind === 'flaky');
    if (!first) throw new Error('not claimed');
    expect(await fail(db, first, 'a', 'Error: boom', T + 5000, T + 1)).toBe(true);
    expect((await claim(db, { owner: 'a', limit: 10, leaseMs: 1000, at: T + 4999 })).filter((job) => job.kind === 'flaky')).toEqual([]);
    const [second] = (await claim(db, { owner: 'a', limit: 10, leaseMs: 1000, at: T + 5000 })).filter((job) => job.kind === 'flaky');
    if (!second) throw new Error('not claimed again');
    expect(second.attempts).toBe(2);
    await fail(db, second, 'a', 'Error: boom again', null, T + 5001);
    expect((await jobsOf('flaky')).map((row) => [row.state, row.attempts, row.lastError])).toEqual([['dead', 2, 'Error: boom again']]);
    expect((await claim(db, { owner: 'a', limit: 10, leaseMs: 1000, at: T + 10_000_000 })).filter((job) => job.kind === 'flaky')).toEqual([]);
  });

  it('a row that is not a job is an error naming its column', async () => {
    expect(() => toJob({ id: 'x', state: 'lost' })).toThrow(/site_id|kind|state/);
  });
});
