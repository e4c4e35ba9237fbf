export { DEFAULT_JOB_BACKOFF, nextRunAt } from './backoff.ts';
export { DEFAULT_HANDLERS, PermanentJobError, type JobContext, type JobHandler, type JobHandlers } from './handlers.ts';
export { jobsAdmin, type JobsAdmin } from './inspect.ts';
export { JOB_STATES, toJob, type Job, type JobState } from './job-row.ts';
export { claim, complete, DEFAULT_MAX_ATTEMPTS, enqueue, fail, releaseLeases, renewLeases, type NewJob } from './queue.ts';
export { jobRoutes, jobView } from './routes.ts';
export { startRunner, type JobRunner, type RunnerOptions } from './runner.ts';
