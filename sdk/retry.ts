/** How failed requests are tried again. */
export interface RetryPolicy {
  /** Attempts after the first. @default 4 */
  limit: number;
  /** First delay, doubled each attempt. @default 500 */
  baseMs: number;
  /** Upper bound of one delay, `Retry-After` included. @default 30000 */
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { limit: 4, baseMs: 500, maxMs: 30_000 };

/** Whether an HTTP status is worth retrying: 408, 429 and 5xx. Any other 4xx is final. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * Milliseconds a `Retry-After` header asks for: delta-seconds or an HTTP date.
 * `undefined` when absent or unreadable.
 * @example retryAfterMs('120', now) // 120000
 */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Delay before attempt `attempt` (1 = first retry): exponential backoff with full jitter,
 * or what the server asked for, whichever is longer; never over `maxMs`.
 */
export function retryDelay(attempt: number, policy: RetryPolicy, random: () => number, serverAskedMs?: number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  const jittered = ceiling / 2 + (random() * ceiling) / 2;
  return Math.round(Math.min(policy.maxMs, Math.max(jittered, serverAskedMs ?? 0)));
}
