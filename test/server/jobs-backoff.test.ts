import { describe, expect, it } from 'vitest';
import { DEFAULT_JOB_BACKOFF, nextRunAt } from '../../server/jobs/backoff.ts';
import { jobId } from '../../server/jobs/queue.ts';

describe('job backoff and ids', () => {
  it('doubles from 10 s with full jitter, capped at an hour; none after the last attempt', () => {
    expect(nextRunAt(1, 10, DEFAULT_JOB_BACKOFF, () => 0, 0)).toBe(5_000);
    expect(nextRunAt(1, 10, DEFAULT_JOB_BACKOFF, () => 1, 0)).toBe(10_000);
    expect(nextRunAt(3, 10, DEFAULT_JOB_BACKOFF, () => 1, 1000)).toBe(41_000);
    expect(nextRunAt(9, 10, DEFAULT_JOB_BACKOFF, () => 1, 0)).toBe(2_560_000);
    expect(nextRunAt(12, 20, DEFAULT_JOB_BACKOFF, () => 1, 0)).toBe(3_600_000);
    expect(nextRunAt(10, 10, DEFAULT_JOB_BACKOFF, () => 1, 0)).toBeNull();
  });

  it('job ids are UUIDv7: ordered by time, so new rows append to the index', () => {
    const early = jobId(1_800_000_000_000, 'ffffffff-ffff-4fff-bfff-ffffffffffff');
    const later = jobId(1_800_000_000_001, '00000000-0000-4000-8000-000000000000');
    expect(early).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(early < later).toBe(true);
  });
});
