/** Token buckets: `burst` requests at once, refilled at `perSecond`. */
export interface RateLimitOptions {
  /** @default 30 */
  burst: number;
  /** @default 1 */
  perSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 30, perSecond: 1 };

/**
 * One bucket per key (IP and site). `take` answers 0 when a request may go ahead, otherwise the
 * seconds until one token is back — the `Retry-After`. Full buckets are forgotten, so memory
 * stays proportional to the clients active in the last `burst / perSecond` seconds.
 */
export function createRateLimiter(options: RateLimitOptions = DEFAULT_RATE_LIMIT, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  let calls = 0;

  function refill(bucket: { tokens: number; at: number }, at: number) {
    bucket.tokens = Math.min(options.burst, bucket.tokens + ((at - bucket.at) / 1000) * options.perSecond);
    bucket.at = at;
  }

  return {
    take(key: string): number {
      const at = now();
      if (++calls % 1000 === 0) {
        for (const [other, bucket] of buckets) {
          refill(bucket, at);
          if (bucket.tokens >= options.burst) buckets.delete(other);
        }
      }
      const bucket = buckets.get(key) ?? { tokens: options.burst, at };
      refill(bucket, at);
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / options.perSecond));
    },
    /** Like `take`, without spending a token: whether `key` is out of tokens now, and for how long. */
    wait(key: string): number {
      const bucket = buckets.get(key);
      if (!bucket) return 0;
      refill(bucket, now());
      return bucket.tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / options.perSecond));
    },
    size: () => buckets.size,
  };
}
