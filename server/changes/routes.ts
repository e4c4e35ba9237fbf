import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import { changeCreateSchema, changeLinkSchema } from '../../sdk/index.ts';
import type { Audit } from '../http/audit.ts';
import type { AppEnv } from '../http/context.ts';
import type { Authorize } from '../http/principal.ts';
import { problem } from '../http/problem.ts';
import { check, readJson } from '../http/validate.ts';
import type { ChangeResult, ChangesStore } from './store.ts';

const NOT_FOUND = 'no change with this id in this team';

/**
 * The team's changes (SPEC §12): `GET /v1/changes`, `GET /v1/changes/:id` (viewer); `POST /v1/changes`,
 * `POST /v1/changes/:id/responses`, `POST /v1/changes/:id/publish` (member). Linked responses must be
 * of the principal's sites: any other id is a 400 naming it (another team's response does not exist).
 */
export function changeRoutes(app: Hono<AppEnv>, deps: { changes: ChangesStore; authorize: Authorize; audit: Audit }) {
  const { changes, authorize, audit } = deps;

  app.get('/v1/changes', authorize('viewer'), async (c) => c.json({ items: await changes.list(c.get('principal').teamId) }));

  app.get('/v1/changes/:id', authorize('viewer'), async (c) => {
    const change = await changes.get(c.get('principal').teamId, c.req.param('id'));
    return change ? c.json(change) : problem(c, 404, 'not_found', NOT_FOUND);
  });

  app.post('/v1/changes', authorize('member'), async (c) => {
    const parsed = await body(c, changeCreateSchema);
    if (!parsed.ok) return parsed.answer;
    const principal = c.get('principal');
    const result = await changes.create(principal, parsed.value, principal.actor);
    if (result.kind !== 'ok') return refused(c, result, parsed.value.responseIds);
    await audit(c, 'change.created', { type: 'change', id: result.change.id }, { title: result.change.title, responses: result.change.responseIds.length });
    return c.json(result.change, 201);
  });

  app.post('/v1/changes/:id/responses', authorize('member'), async (c) => {
    const parsed = await body(c, changeLinkSchema);
    if (!parsed.ok) return parsed.answer;
    const principal = c.get('principal');
    const result = await changes.link(principal, c.req.param('id'), parsed.value.responseIds);
    if (result.kind !== 'ok') return refused(c, result, parsed.value.responseIds);
    await audit(c, 'change.linked', { type: 'change', id: result.change.id }, { responses: parsed.value.responseIds.length });
    return c.json(result.change);
  });

  app.post('/v1/changes/:id/publish', authorize('member'), async (c) => {
    const principal = c.get('principal');
    const result = await changes.publish(principal, c.req.param('id'), principal.actor);
    if (result.kind === 'not_found') return problem(c, 404, 'not_found', NOT_FOUND);
    const { kind: _kind, ...answer } = result;
    // Publishing again is a no-op, and the log says so once.
    if (result.published) await audit(c, 'change.published', { type: 'change', id: result.change.id }, { emailed: result.emailed, resolved: result.resolved, notices: result.notices });
    return c.json(answer);
  });
}

async function body<S extends z.ZodMiniType>(c: Context, schema: S): Promise<{ ok: true; value: z.output<S> } | { ok: false; answer: Response }> {
  const read = await readJson(c);
  if (!read.ok) return { ok: false, answer: read.reason === 'json' ? problem(c, 400, 'invalid_json', 'the body is not valid JSON') : problem(c, 415, 'unsupported_media_type', 'send application/json') };
  const parsed = check(schema, read.value);
  if (!parsed.ok) return { ok: false, answer: problem(c, 400, 'invalid_change', 'the change is not valid', parsed.issues) };
  return { ok: true, value: parsed.value };
}

function refused(c: Context, result: Exclude<ChangeResult, { kind: 'ok' }>, asked: readonly string[]): Response {
  if (result.kind === 'not_found') return problem(c, 404, 'not_found', NOT_FOUND);
  if (result.kind === 'published') return problem(c, 409, 'already_published', 'this change is published: record a new change for these responses');
  const issues = result.ids.map((id) => ({ path: `responseIds.${asked.indexOf(id)}`, message: `no response ${id} on this team’s sites` }));
  return problem(c, 400, 'unknown_responses', `${result.ids.length} of the responses are not on this team’s sites`, issues);
}
