import { retryDelay, type RetryPolicy } from '../../sdk/index.ts';

/** Backoff between a job's attempts: 10 s doubling, at most an hour apart, full jitter. */
export const DEFAULT_JOB_BACKOFF: Omit<RetryPolicy, 'limit'> = { baseMs: 10_000, maxMs: 3_600_000 };

/**
 * When a job that failed its `attempt`-th attempt runs again, or `null` when that was its last.
 * The same timing as the SDK's request retries (exponential, full jitter).
 * @example nextRunAt(1, 10, DEFAULT_JOB_BACKOFF, Math.random, Date.now()) // now + 5–10 s
 */
export function nextRunAt(attempt: number, maxAttempts: number, policy: Omit<RetryPolicy, 'limit'>, random: () => number, at: number): number | null {
  if (attempt >= maxAttempts) return null;
  return at + retryDelay(attempt, { ...policy, limit: maxAttempts - 1 }, random);
}
