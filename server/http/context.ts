import type { createBackoff } from './failure-backoff.ts';
import type { createRateLimiter } from './rate-limit.ts';

/** What every request carries through the middleware: its id and the client's address. */
export type AppEnv = { Variables: { ip: string; requestId: string } };

/** The request-wide guards every route shares: a clock, and the per-address limits. */
export interface HttpDeps {
  now: () => number;
  /** Per client address and site: requests that may go ahead. */
  rateLimiter: ReturnType<typeof createRateLimiter>;
  /** Per client address: public requests that failed (400, 401), so junk costs no lookups once spent. */
  failures: ReturnType<typeof createRateLimiter>;
  /** Per client address: wrong secret keys, backing off hard. */
  authFailures: ReturnType<typeof createBackoff>;
}
