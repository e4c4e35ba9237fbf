import type { Hono } from 'hono';
import { retentionSchema } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import type { Audit } from '../http/audit.ts';
import type { AppEnv } from '../http/context.ts';
import type { Authorize } from '../http/principal.ts';
import { problem } from '../http/problem.ts';
import { check, readJson } from '../http/validate.ts';
import { retentionOf, setRetention } from './store.ts';

const NOT_FOUND = 'no site with this id in this team';

/**
 * `GET` (viewer) and `PUT /v1/sites/:id/retention { days, mode }` (admin, SPEC §13): how long the
 * site keeps responses, and whether older ones are anonymised or deleted by the daily sweep.
 */
export function retentionRoutes(app: Hono<AppEnv>, deps: { db: Driver; authorize: Authorize; audit: Audit }) {
  app.get('/v1/sites/:id/retention', deps.authorize('viewer'), async (c) => {
    const retention = await retentionOf(deps.db, c.get('principal').siteIds, c.req.param('id'));
    return retention ? c.json(retention) : problem(c, 404, 'not_found', NOT_FOUND);
  });

  app.put('/v1/sites/:id/retention', deps.authorize('admin'), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.reason === 'json' ? problem(c, 400, 'invalid_json', 'the body is not valid JSON') : problem(c, 415, 'unsupported_media_type', 'send application/json');
    const parsed = check(retentionSchema, body.value);
    if (!parsed.ok) return problem(c, 400, 'invalid_retention', 'days is a whole number of days (1–36500) or null, mode anonymise or delete', parsed.issues);
    const retention = await setRetention(deps.db, c.get('principal').siteIds, c.req.param('id'), parsed.value);
    if (!retention) return problem(c, 404, 'not_found', NOT_FOUND);
    await deps.audit(c, 'site.retention_changed', { type: 'site', id: c.req.param('id') }, retention);
    return c.json(retention);
  });
}
