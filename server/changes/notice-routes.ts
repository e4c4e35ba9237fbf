import type { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../http/context.ts';
import { problem } from '../http/problem.ts';
import { check, readJson } from '../http/validate.ts';
import { publicGate, type PublicDeps } from '../sites/index.ts';
import type { NoticesStore } from './notices.ts';

/** Body of `POST /v1/notices/:id/seen`: whose notice, on which site. Tolerant of fields it does not know (SPEC §6). */
const noticeSeenSchema = z.object({
  siteKey: z.string().check(z.minLength(1)),
  userId: z.string().check(z.minLength(1), z.maxLength(256)),
});

/**
 * `POST /v1/notices/:id/seen { siteKey, userId }` → 204 (SPEC §12): the widget showed the notice, so
 * the next eligibility answer leaves it out. Public, like the widget's other calls: site key, origin,
 * and the identified user the notice is for (another user's notice is a 404).
 */
export function noticeRoutes(app: Hono<AppEnv>, deps: PublicDeps & { notices: NoticesStore }) {
  const gate = publicGate(deps);

  app.post('/v1/notices/:id/seen', async (c) => {
    const refused = gate.spent(c);
    if (refused) return refused;
    const body = await readJson(c);
    if (!body.ok) return gate.failed(c, body.reason === 'json' ? problem(c, 400, 'invalid_json', 'the body is not valid JSON') : problem(c, 415, 'unsupported_media_type', 'send application/json or text/plain'));
    const parsed = check(noticeSeenSchema, body.value);
    if (!parsed.ok) return gate.failed(c, problem(c, 400, 'invalid_notice_seen', 'siteKey and userId are required', parsed.issues));
    const admitted = await gate.admit(c, parsed.value.siteKey);
    if ('response' in admitted) return admitted.response;
    const found = await deps.notices.seen(admitted.site.id, parsed.value.userId, c.req.param('id'));
    if (!found) return problem(c, 404, 'not_found', 'no notice with this id for this user');
    return c.body(null, 204);
  });
}
