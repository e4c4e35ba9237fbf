/** How hard repeated failures (wrong secret keys) from one address are slowed down. */
export interface BackoffOptions {
  /** Failures allowed before the first wait. @default 5 */
  free: number;
  /** The first wait, doubled at each further failure. @default 1 */
  baseSeconds: number;
  /** @default 3600 */
  maxSeconds: number;
  /** A quiet period after which an address's failures are forgotten. @default 900 */
  forgetSeconds: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { free: 5, baseSeconds: 1, maxSeconds: 3600, forgetSeconds: 900 };

/**
 * Exponential backoff per key (a client address) for failed authentication: after `free`
 * failures each one blocks the key for twice as long as the one before, so guessing secret keys
 * costs hours, not milliseconds. A success does not reset the count: one valid key of its own
 * must not let a client go on guessing others'. `wait` answers the seconds still blocked — the
 * `Retry-After` — without touching the store.
 */
export function createBackoff(options: BackoffOptions = DEFAULT_BACKOFF, now: () => number = Date.now) {
  const entries = new Map<string, { failures: number; until: number; last: number }>();
  let calls = 0;

  function current(key: string, at: number) {
    const entry = entries.get(key);
    if (entry && at - Math.max(entry.last, entry.until) > options.forgetSeconds * 1000) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  return {
    wait(key: string): number {
      const at = now();
      const entry = current(key, at);
      return entry && entry.until > at ? Math.ceil((entry.until - at) / 1000) : 0;
    },
    /** Records a failure of `key`; answers the seconds it is now blocked for (0 while failures are free). */
    fail(key: string): number {
      const at = now();
      if (++calls % 1000 === 0) for (const other of entries.keys()) current(other, at);
      const entry = current(key, at) ?? { failures: 0, until: 0, last: at };
      entry.failures += 1;
      entry.last = at;
      entries.set(key, entry);
      const over = entry.failures - options.free;
      if (over <= 0) return 0;
      const seconds = Math.min(options.maxSeconds, options.baseSeconds * 2 ** Math.min(over - 1, 30));
      entry.until = at + seconds * 1000;
      return seconds;
    },
    /** Forgets `key`'s failures (an account whose owner just signed in). */
    forget(key: string): void {
      entries.delete(key);
    },
    size: () => entries.size,
  };
}
