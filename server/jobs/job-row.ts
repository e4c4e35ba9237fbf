import * as z from 'zod/mini';
import { JOB_STATES, type JobState } from '../../sdk/index.ts';
import { int, jsonText, nullableInt, parseRows } from '../db/rows.ts';

export { JOB_STATES, type JobState };

/** A row of `jobs` as both engines hand it back; parsed, so a bad row names its column. */
const jobRowSchema = z.object({
  id: z.string(),
  site_id: z.nullable(z.string()),
  kind: z.string(),
  idempotency_key: z.string(),
  payload: jsonText(z.unknown()),
  state: z.enum(JOB_STATES),
  run_at: int,
  attempts: int,
  max_attempts: int,
  lease_owner: z.nullable(z.string()),
  lease_expires_at: nullableInt,
  last_error: z.nullable(z.string()),
  created_at: int,
  updated_at: int,
});

/** A job as the queue, the runner and the admin API see it. Times are epoch ms. */
export interface Job {
  id: string;
  siteId: string | null;
  kind: string;
  key: string;
  payload: unknown;
  state: JobState;
  runAt: number;
  /** Attempts started so far, this one included while it runs. */
  attempts: number;
  maxAttempts: number;
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Parses one row read from `jobs`; throws naming the column when the row is not a job. */
export function toJob(row: unknown): Job {
  const [parsed] = parseRows(jobRowSchema, [row], 'jobs');
  if (!parsed) throw new Error('no job row');
  return {
    id: parsed.id,
    siteId: parsed.site_id,
    kind: parsed.kind,
    key: parsed.idempotency_key,
    payload: parsed.payload,
    state: parsed.state,
    runAt: parsed.run_at,
    attempts: parsed.attempts,
    maxAttempts: parsed.max_attempts,
    leaseOwner: parsed.lease_owner,
    leaseExpiresAt: parsed.lease_expires_at,
    lastError: parsed.last_error,
    createdAt: parsed.created_at,
    updatedAt: parsed.updated_at,
  };
}
