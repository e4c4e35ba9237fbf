import type { Hono } from 'hono';
import type { AppEnv, HttpDeps } from '../http/context.ts';
import { problem } from '../http/problem.ts';
import { check, readJson } from '../http/validate.ts';
import { publicGate, type PublicDeps } from '../sites/index.ts';
import { impressionSchema } from './schemas.ts';
import type { ImpressionsStore } from './store.ts';

/**
 * `POST /v1/impressions`: a page's survey displays, counted for the response rate. Public, like
 * `POST /v1/dismissals`: the site key and origin decide, and bad requests spend the address's failures.
 */
export function impressionRoutes(app: Hono<AppEnv>, deps: PublicDeps & Pick<HttpDeps, 'now'> & { impressions: ImpressionsStore }) {
  const gate = publicGate(deps);

  app.post('/v1/impressions', async (c) => {
    const refused = gate.spent(c);
    if (refused) return refused;
    const body = await readJson(c);
    if (!body.ok) return gate.failed(c, problem(c, 400, 'invalid_json', 'the body is not valid JSON'));
    const parsed = check(impressionSchema, body.value);
    if (!parsed.ok) return gate.failed(c, problem(c, 400, 'invalid_impression', 'siteKey, surveyId and count (1 to 1000) are required', parsed.issues));
    const admitted = await gate.admit(c, parsed.value.siteKey);
    if ('response' in admitted) return admitted.response;
    await deps.impressions.record(admitted.site.id, parsed.value.surveyId, parsed.value.count, deps.now());
    return c.body(null, 204);
  });
}
