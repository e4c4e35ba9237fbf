export { ensureRetentionJob, RETENTION_JOB, retentionHandler, retentionKey } from './job.ts';
export { retentionRoutes } from './routes.ts';
export { anonymisedCount, retentionOf, setRetention, sweepRetention, type SweepOutcome } from './store.ts';
