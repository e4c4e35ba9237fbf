import type { Job } from './job-row.ts';

/** What a handler is told about the attempt it runs. */
export interface JobContext {
  /** 1 for the first attempt. */
  attempt: number;
  /** Aborted when the runner stops and its drain time is up: stop and let the job run again. */
  signal: AbortSignal;
  job: Job;
}

/**
 * Does a job's work. Throwing retries it later (with backoff) until its attempts are used up;
 * throwing {@link PermanentJobError} parks it at once. Jobs run at least once, so a handler is
 * idempotent by the job's key (`context.job.key`).
 */
export type JobHandler = (payload: unknown, context: JobContext) => Promise<void> | void;

/** Handlers by job kind. */
export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** An error no retry can fix (a payload that is not what the kind expects): the job is parked as dead. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError' as const;
}

/**
 * The queue's own handlers: none. The jobs of resources (response events, webhook deliveries, …)
 * get theirs from the collector, which composes them at the top (server/collector.ts), so the
 * queue knows no resource; a runner's options add them (and tests add theirs).
 */
export const DEFAULT_HANDLERS: JobHandlers = {};
