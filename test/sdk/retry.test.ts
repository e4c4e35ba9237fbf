import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, isRetryableStatus, retryAfterMs, retryDelay } from '../../sdk/index.ts';

describe('retry timing', () => {
  it('retries 408, 429 and 5xx only', () => {
    const retried = [200, 400, 401, 403, 404, 408, 413, 422, 429, 500, 502, 503, 504].filter(isRetryableStatus);
    expect(retried).toEqual([408, 429, 500, 502, 503, 504]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('backs off exponentially with jitter, honours the server and is capped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.option(fc.nat(120_000), { nil: undefined }), (attempt, dice, asked) => {
        const delay = retryDelay(attempt, DEFAULT_RETRY, () => dice, asked);
        const ceiling = Math.min(DEFAULT_RETRY.maxMs, DEFAULT_RETRY.baseMs * 2 ** (attempt - 1));
        expect(delay).toBeLessThanOrEqual(DEFAULT_RETRY.maxMs);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(Math.min(DEFAULT_RETRY.maxMs, Math.max(ceiling / 2, asked ?? 0))));
      }),
    );
  });

  it('spreads retries of many clients (full jitter on the upper half)', () => {
    expect(retryDelay(3, DEFAULT_RETRY, () => 0)).toBe(1000);
    expect(retryDelay(3, DEFAULT_RETRY, () => 0.9999)).toBe(2000);
  });
});
