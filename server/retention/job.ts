import type { Driver } from '../db/driver.ts';
import { enqueue, type JobHandler } from '../jobs/index.ts';
import { sweepRetention } from './store.ts';

/** The daily retention sweep's job kind. */
export const RETENTION_JOB = 'retention.daily';

const DAY_MS = 86_400_000;
/** Past midnight UTC, when the sweep runs: a quiet hour for most teams. */
const RUN_AT_HOUR_MS = 3 * 3_600_000;

/** The job's key: one sweep per UTC day, however many collectors enqueue it. */
export function retentionKey(at: number): string {
  return `retention:${new Date(at).toISOString().slice(0, 10)}`;
}

/**
 * Makes sure today's sweep is queued (due now). Called when the collector starts: the job then
 * queues the next day's itself, so a running collector sweeps every day. Idempotent by day.
 */
export function ensureRetentionJob(db: Driver, now: number): Promise<boolean> {
  return enqueue(db, { kind: RETENTION_JOB, key: retentionKey(now), payload: null, runAt: now }, now);
}

/**
 * The sweep's handler: applies every site's retention at `now()`, and queues tomorrow's sweep in
 * the same transaction as nothing else (the sweep's per-site transactions are each complete).
 * Running twice is harmless: a second sweep finds nothing new, and tomorrow's key exists.
 */
export function retentionHandler(db: Driver, now: () => number = Date.now): JobHandler {
  return async () => {
    const at = now();
    await sweepRetention(db, at);
    const tomorrow = Math.floor(at / DAY_MS) * DAY_MS + DAY_MS;
    await enqueue(db, { kind: RETENTION_JOB, key: retentionKey(tomorrow), payload: null, runAt: tomorrow + RUN_AT_HOUR_MS }, at);
  };
}
