import type { Hono } from 'hono';
import { followUpChangeSchema } from '../../sdk/index.ts';
import type { Audit } from '../http/audit.ts';
import type { AppEnv } from '../http/context.ts';
import type { Authorize } from '../http/principal.ts';
import { problem } from '../http/problem.ts';
import { check, readJson } from '../http/validate.ts';
import type { FollowUpsStore } from './store.ts';

/**
 * `GET /v1/responses/:id` (the record, its timeline, the same person's others; viewer) and
 * `PATCH …/follow-up` (member) (SPEC §10), for the principal's sites: another team's response is
 * a 404, as if it did not exist.
 */
export function followUpRoutes(app: Hono<AppEnv>, deps: { followUps: FollowUpsStore; authorize: Authorize; audit: Audit }) {
  const { authorize } = deps;

  app.get('/v1/responses/:id', authorize('viewer'), async (c) => {
    const detail = await deps.followUps.getResponse(c.get('principal').siteIds, c.req.param('id'));
    if (!detail) return problem(c, 404, 'not_found', 'no response with this id on these sites');
    return c.json(detail);
  });

  app.patch('/v1/responses/:id/follow-up', authorize('member'), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return problem(c, 400, 'invalid_json', 'the body is not valid JSON');
    const parsed = check(followUpChangeSchema, body.value);
    if (!parsed.ok) return problem(c, 400, 'invalid_follow_up', 'the follow-up change is not valid', parsed.issues);
    const principal = c.get('principal');
    const result = await deps.followUps.updateFollowUp(principal, c.req.param('id'), parsed.value, principal.actor);
    if (result.kind === 'not_found') return problem(c, 404, 'not_found', 'no response with this id on these sites');
    if (result.kind === 'unknown_owner') {
      return problem(c, 400, 'invalid_follow_up', 'the follow-up change is not valid', [{ path: 'ownerId', message: 'is not a member of this team' }]);
    }
    if (result.kind === 'unknown_step') {
      return problem(c, 400, 'invalid_follow_up', 'the follow-up change is not valid', [{ path: 'step.id', message: 'is not a step of the team’s playbook for this response’s segment' }]);
    }
    const { note, ...change } = parsed.value;
    const target = { type: 'response', id: c.req.param('id') };
    if (Object.keys(change).length) await deps.audit(c, 'follow_up.changed', target, change);
    if (note !== undefined) await deps.audit(c, 'note.added', target, { length: [...note].length });
    return c.json(result.detail);
  });
}
