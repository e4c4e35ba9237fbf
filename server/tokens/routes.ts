import type { Hono } from 'hono';
import { apiTokenCreateSchema } from '../../sdk/index.ts';
import type { Audit } from '../http/audit.ts';
import type { AppEnv } from '../http/context.ts';
import type { Authorize } from '../http/principal.ts';
import { problem } from '../http/problem.ts';
import { check, readJson } from '../http/validate.ts';
import type { TokensStore } from './store.ts';

/**
 * `GET /v1/tokens`, `POST /v1/tokens`, `DELETE /v1/tokens/:id` (admin): the team's API tokens. The
 * secret is in the creation's answer only; creating and revoking are in the audit log. Mounted on the
 * app itself: `authorize` adds the principal the handlers read.
 */
export function tokenRoutes(app: Hono<AppEnv>, deps: { tokens: TokensStore; authorize: Authorize; audit: Audit }) {
  const { tokens, authorize, audit } = deps;

  app.get('/v1/tokens', authorize('admin'), async (c) => c.json({ items: await tokens.list(c.get('principal').teamId) }));

  app.post('/v1/tokens', authorize('admin'), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.reason === 'json' ? problem(c, 400, 'invalid_json', 'the body is not valid JSON') : problem(c, 415, 'unsupported_media_type', 'send application/json');
    const parsed = check(apiTokenCreateSchema, body.value);
    if (!parsed.ok) return problem(c, 400, 'invalid_token', 'the token is not valid', parsed.issues);
    const principal = c.get('principal');
    const { name, scope } = parsed.value;
    const created = await tokens.create({ teamId: principal.teamId, name, scope, createdBy: principal.actor.id });
    await audit(c, 'token.created', { type: 'token', id: created.token.id }, { name, scope });
    return c.json(created, 201);
  });

  app.delete('/v1/tokens/:id', authorize('admin'), async (c) => {
    const revoked = await tokens.revoke(c.get('principal').teamId, c.req.param('id'));
    if (!revoked) return problem(c, 404, 'not_found', 'no token with this id in this team');
    const { token } = revoked;
    // Revoking again is a no-op, and the log says so once.
    if (!revoked.alreadyRevoked) await audit(c, 'token.revoked', { type: 'token', id: token.id }, { name: token.name, scope: token.scope });
    return c.body(null, 204);
  });
}
