import * as z from 'zod/mini';
import { intParam, toParams } from './admin-params.ts';
import { isoDateTime } from './formats.ts';

/** Where a background job is in its life: waiting (or backing off), leased by a runner, finished, parked. */
export const JOB_STATES = ['queued', 'running', 'done', 'dead'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Query of `GET /v1/jobs` (admin), as sent (text); parsed, `limit` is a number. */
export const jobsQuerySchema = z.strictObject({
  state: z.optional(z.enum(JOB_STATES)),
  limit: z.optional(intParam(1, 500)),
});
export type JobsQuery = z.output<typeof jobsQuerySchema>;

/** The query as query-string text. */
export const jobsQueryParams = (query: JobsQuery): Record<string, string> => toParams(query);

/** A site's background job as the admin API shows it (webhook deliveries, mail, …). */
export const jobViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  key: z.string(),
  state: z.enum(JOB_STATES),
  attempts: z.int(),
  maxAttempts: z.int(),
  lastError: z.nullable(z.string()),
  payload: z.unknown(),
  runAt: z.nullable(isoDateTime()),
  createdAt: z.nullable(isoDateTime()),
  updatedAt: z.nullable(isoDateTime()),
});
export type JobView = z.output<typeof jobViewSchema>;

/** `GET /v1/jobs`: newest first. */
export const jobListSchema = z.object({ items: z.array(jobViewSchema) });
/** `POST /v1/jobs/:id/retry`: the job, queued again. */
export const jobRetrySchema = z.object({ job: jobViewSchema });
