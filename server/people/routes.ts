import type { Hono } from 'hono';
import { eraseRequestSchema } from '../../sdk/index.ts';
import type { Audit } from '../http/audit.ts';
import type { AppEnv } from '../http/context.ts';
import type { Authorize } from '../http/principal.ts';
import { problem } from '../http/problem.ts';
import { check, readJson } from '../http/validate.ts';
import type { Driver } from '../db/driver.ts';
import { erasePerson, type PersonEraser } from './erase.ts';

/**
 * `POST /v1/people/erase { userId?, email?, anonymousId? }` (admin, SPEC §13) → `{ erased: { responses,
 * notes, … } }`: the person is gone from the team's sites. The audit log records the counts, never
 * the ids erased (it would keep what was just removed).
 */
export function peopleRoutes(app: Hono<AppEnv>, deps: { db: Driver; authorize: Authorize; audit: Audit; erasers?: readonly PersonEraser[] }) {
  app.post('/v1/people/erase', deps.authorize('admin'), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.reason === 'json' ? problem(c, 400, 'invalid_json', 'the body is not valid JSON') : problem(c, 415, 'unsupported_media_type', 'send application/json');
    const parsed = check(eraseRequestSchema, body.value);
    if (!parsed.ok) return problem(c, 400, 'invalid_erase', 'say who to erase: userId, email or anonymousId', parsed.issues);
    const principal = c.get('principal');
    const erased = await erasePerson(deps.db, principal, parsed.value, deps.erasers);
    await deps.audit(c, 'people.erased', undefined, { by: Object.keys(parsed.value).sort(), erased });
    return c.json({ erased });
  });
}
