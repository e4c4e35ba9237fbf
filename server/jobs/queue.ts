import { randomUUID } from 'node:crypto';
import type { Driver } from '../db/driver.ts';
import { toJob, type Job } from './job-row.ts';

/** Attempts a job gets before it is parked as dead. @default 10 */
export const DEFAULT_MAX_ATTEMPTS = 10;

/** What a write asks to happen after it commits. */
export interface NewJob {
  kind: string;
  /** Stored as JSON text. */
  payload: unknown;
  /** One job per (kind, key): enqueuing the same key again is a no-op. @default a fresh id */
  key?: string;
  /** The site the job acts for (the admin API lists jobs per site). */
  siteId?: string | null;
  /** Not before this time (epoch ms). @default now */
  runAt?: number;
  /** @default DEFAULT_MAX_ATTEMPTS */
  maxAttempts?: number;
}

/**
 * Adds a job through `tx`, the driver of the transaction whose write causes it, so the job
 * commits or rolls back with that write. `false` when a job with this kind and key exists.
 */
export async function enqueue(tx: Driver, job: NewJob, at: number = Date.now()): Promise<boolean> {
  const id = jobId(at);
  const { changes } = await tx.run(
    `INSERT INTO jobs (id, site_id, kind, idempotency_key, payload, state, run_at, attempts, max_attempts, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'queued', ?, 0, ?, ?, ?)
     ON CONFLICT (kind, idempotency_key) DO NOTHING`,
    [id, job.siteId ?? null, job.kind, job.key ?? id, JSON.stringify(job.payload ?? null), job.runAt ?? at, job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, at, at],
  );
  return changes > 0;
}

/**
 * A UUIDv7 (RFC 9562): time first, so new jobs append to the primary key's index instead of
 * landing on random pages of it (which made SQLite commits several times larger).
 */
export function jobId(at: number, uuid: string = randomUUID()): string {
  const time = at.toString(16).padStart(12, '0').slice(-12);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${uuid.slice(15)}`; // v4's random bits and variant, v7's time and version
}

/**
 * Leases up to `limit` due jobs to `owner` until `at + leaseMs`: queued ones whose time has
 * come, and running ones whose lease expired (their runner died). Counts the attempt.
 * Postgres skips rows another runner is claiming (`FOR UPDATE SKIP LOCKED`); SQLite has one
 * writer, and claims in an immediate transaction.
 */
export async function claim(db: Driver, options: { owner: string; limit: number; leaseMs: number; at: number }): Promise<Job[]> {
  const until = options.at + options.leaseMs;
  const sql = `UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = ?, lease_expires_at = ?, run_at = ?, updated_at = ?
     WHERE id IN (SELECT id FROM jobs WHERE state IN ('queued', 'running') AND run_at <= ? ORDER BY run_at LIMIT ?${db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : ''})
     RETURNING *`;
  const params = [options.owner, until, until, options.at, options.at, options.limit];
  const rows = db.dialect === 'postgres' ? await db.all(sql, params) : await db.transaction((tx) => tx.all(sql, params));
  return rows.map(toJob);
}

/** Extends the leases `owner` holds, while their handlers run. */
export async function renewLeases(db: Driver, owner: string, until: number, at: number): Promise<number> {
  const { changes } = await db.run("UPDATE jobs SET lease_expires_at = ?, run_at = ?, updated_at = ? WHERE lease_owner = ? AND state = 'running'", [until, until, at, owner]);
  return changes;
}

/**
 * Marks a job done. `false` when this attempt no longer holds it: its lease expired and another
 * runner took it, or this same runner did (a starved one), and that later attempt records its own
 * outcome. So the match is on the attempt too, not the owner alone.
 */
export async function complete(db: Driver, job: Job, owner: string, at: number): Promise<boolean> {
  const { changes } = await db.run(
    "UPDATE jobs SET state = 'done', lease_owner = NULL, lease_expires_at = NULL, updated_at = ? WHERE id = ? AND lease_owner = ? AND attempts = ? AND state = 'running'",
    [at, job.id, owner, job.attempts],
  );
  return changes > 0;
}

/**
 * Records a failed attempt: back to `queued` at `retryAt`, or parked as `dead` when `retryAt`
 * is `null` (attempts used up, or an error no retry can fix). Keeps the last error. `false`, and
 * nothing recorded, when this attempt no longer holds the job (see {@link complete}).
 */
export async function fail(db: Driver, job: Job, owner: string, error: string, retryAt: number | null, at: number): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE jobs SET state = ?, run_at = ?, lease_owner = NULL, lease_expires_at = NULL, last_error = ?, updated_at = ?
     WHERE id = ? AND lease_owner = ? AND attempts = ? AND state = 'running'`,
    [retryAt === null ? 'dead' : 'queued', retryAt ?? job.runAt, error.slice(0, 2000), at, job.id, owner, job.attempts],
  );
  return changes > 0;
}

/** Hands back what `owner` still holds (a drain that ran out of time), due now, for any runner. */
export async function releaseLeases(db: Driver, owner: string, at: number): Promise<number> {
  const { changes } = await db.run(
    "UPDATE jobs SET state = 'queued', run_at = ?, lease_owner = NULL, lease_expires_at = NULL, updated_at = ? WHERE lease_owner = ? AND state = 'running'",
    [at, at, owner],
  );
  return changes;
}
