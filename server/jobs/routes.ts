import type { Context, Env, Hono, MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import { problem } from '../http/problem.ts';
import { check } from '../http/validate.ts';
import type { JobsAdmin } from './inspect.ts';
import { JOB_STATES, type Job } from './job-row.ts';


/** Query of `GET /v1/jobs` (admin). */
export const jobsQuerySchema = z.strictObject({
  state: z.optional(z.enum(JOB_STATES)),
  limit: z.optional(
    z.string().check(z.regex(/^\d+$/, { message: 'must be a whole number' }), z.refine((value) => Number(value) >= 1 && Number(value) <= 500, { message: 'must be from 1 to 500' })),
  ),
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A job as the admin API shows it. */
export function jobView(job: Job) {
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
 * `GET /v1/jobs`, `POST /v1/jobs/:id/retry`: a site's background jobs. The caller's
 * `requireSecret` opens the site and `siteId` reads it back: jobs/ knows no resource.
 */
export function jobRoutes<E extends Env>(app: Hono<E>, deps: { jobs: JobsAdmin; requireSecret: MiddlewareHandler<E>; siteId: (c: Context) => string }) {
  const { jobs, requireSecret, siteId } = deps;

  app.get('/v1/jobs', requireSecret, async (c) => {
    const parsed = check(jobsQuerySchema, c.req.query());
    if (!parsed.ok) return problem(c, 400, 'invalid_query', 'the job filters are not valid', parsed.issues);
    const items = await jobs.list(siteId(c), { ...(parsed.value.state ? { state: parsed.value.state } : {}), limit: Number(parsed.value.limit ?? 50) });
    return c.json({ items: items.map(jobView) });
  });

  app.post('/v1/jobs/:id/retry', requireSecret, async (c) => {
    const result = await jobs.retry(siteId(c), c.req.param('id'));
    if (!result) return problem(c, 404, 'not_found', 'no job with this id on this site');
    if ('notDead' in result) return problem(c, 409, 'not_dead', `only a dead job can be retried; this one is ${result.notDead}`);
    return c.json({ job: jobView(result.job) });
  });
}
