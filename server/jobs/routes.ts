import type { Hono } from 'hono';
import { jobsQuerySchema, type JobView } from '../../sdk/index.ts';
import type { AppEnv } from '../http/context.ts';
import type { Authorize } from '../http/principal.ts';
import { problem } from '../http/problem.ts';
import { check } from '../http/validate.ts';
import type { JobsAdmin } from './inspect.ts';
import type { Job } from './job-row.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A job as the admin API shows it. */
export function jobView(job: Job): JobView {
  return {
    id: job.id,
    kind: job.kind,
    key: job.key,
    state: job.state,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    lastError: job.lastError,
    payload: job.payload,
    runAt: iso(job.runAt),
    createdAt: iso(job.createdAt),
    updatedAt: iso(job.updatedAt),
  };
}

/**
 * `GET /v1/jobs`, `POST /v1/jobs/:id/retry` (member): the background jobs of the principal's
 * sites; another team's job is a 404.
 */
export function jobRoutes(app: Hono<AppEnv>, deps: { jobs: JobsAdmin; authorize: Authorize }) {
  const { jobs, authorize } = deps;

  app.get('/v1/jobs', authorize('member'), async (c) => {
    const parsed = check(jobsQuerySchema, c.req.query());
    if (!parsed.ok) return problem(c, 400, 'invalid_query', 'the job filters are not valid', parsed.issues);
    const items = await jobs.list(c.get('principal').siteIds, { ...(parsed.value.state ? { state: parsed.value.state } : {}), limit: parsed.value.limit ?? 50 });
    return c.json({ items: items.map(jobView) });
  });

  app.post('/v1/jobs/:id/retry', authorize('member'), async (c) => {
    const result = await jobs.retry(c.get('principal').siteIds, c.req.param('id'));
    if (!result) return problem(c, 404, 'not_found', 'no job with this id on these sites');
    if ('notDead' in result) return problem(c, 409, 'not_dead', `only a dead job can be retried; this one is ${result.notDead}`);
    return c.json({ job: jobView(result.job) });
  });
}
