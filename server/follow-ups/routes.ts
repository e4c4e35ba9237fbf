import type { Hono, MiddlewareHandler } from 'hono';
import { followUpChangeSchema } from '../../sdk/index.ts';
import { problem } from '../http/problem.ts';
import { check, readJson } from '../http/validate.ts';
import type { AdminEnv } from '../sites/index.ts';
import type { FollowUpsStore } from './store.ts';

/** `GET /v1/responses/:id` (the record, its timeline, the same person's others) and `PATCH …/follow-up` (SPEC §10). */
export function followUpRoutes(admin: Hono<AdminEnv>, deps: { followUps: FollowUpsStore; requireSecret: MiddlewareHandler<AdminEnv> }) {
  const { requireSecret } = deps;

  admin.get('/v1/responses/:id', requireSecret, async (c) => {
    const detail = await deps.followUps.getResponse(c.get('site').id, c.req.param('id'));
    if (!detail) return problem(c, 404, 'not_found', 'no response with this id on this site');
    return c.json(detail);
  });

  admin.patch('/v1/responses/:id/follow-up', requireSecret, async (c) => {
    const body = await readJson(c);
    if (!body.ok) return problem(c, 400, 'invalid_json', 'the body is not valid JSON');
    const parsed = check(followUpChangeSchema, body.value);
    if (!parsed.ok) return problem(c, 400, 'invalid_follow_up', 'the follow-up change is not valid', parsed.issues);
    const updated = await deps.followUps.updateFollowUp(c.get('site').id, c.req.param('id'), parsed.value);
    if (!updated) return problem(c, 404, 'not_found', 'no response with this id on this site');
    return c.json(updated);
  });
}
