import type { Context, Hono } from 'hono';
import { decideEligibility, responsePayloadSchema, segmentOf, throttleSchema } from '../../sdk/index.ts';
import type { Site } from '../db/store.ts';
import type { AppEnv, AppDeps } from './app.ts';
import { dismissalSchema, eligibilityQuerySchema } from './admin-schemas.ts';
import { allowOrigin, originAllowed } from './cors.ts';
import { problem } from './problem.ts';
import { check, readJson } from './validate.ts';

// The same quiet periods the widget applies (SPEC §5), from the one schema that defines them.
const THROTTLE = throttleSchema.parse({});

/** `POST /v1/responses`, `GET /v1/eligibility`, `POST /v1/dismissals`: what pages call, with a public site key. */
export function publicRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const limited = (c: Context<AppEnv>, wait: number, message: string) => {
    c.header('Retry-After', String(wait));
    return problem(c, 429, 'rate_limited', `${message}; try again in ${wait} s`);
  };
  /** A client address that spent its failures (bad bodies, unknown keys) waits, before any parsing or lookup. */
  const spent = (c: Context<AppEnv>) => {
    const wait = deps.failures.wait(c.get('ip'));
    return wait > 0 ? limited(c, wait, 'too many invalid requests from this address') : undefined;
  };
  /** A request that can never succeed (400, 401) spends a failure of its address. */
  const failed = (c: Context<AppEnv>, response: Response) => {
    deps.failures.take(c.get('ip'));
    return response;
  };

  /** IP + site → rate (429), then site key → site (401), origin → allowed (403). */
  async function admit(c: Context<AppEnv>, siteKey: string): Promise<{ site: Site } | { response: Response }> {
    const origin = c.req.header('origin');
    const wait = deps.rateLimiter.take(`${c.get('ip')}|${siteKey}`);
    if (wait > 0) return { response: limited(c, wait, 'too many requests') };
    const site = await deps.store.siteByPublicKey(siteKey);
    if (!site) return { response: failed(c, problem(c, 401, 'unknown_site_key', 'no site has this public key')) };
    if (!originAllowed(site, origin)) return { response: problem(c, 403, 'origin_not_allowed', `${origin} is not an allowed origin of this site`) };
    allowOrigin(c, origin);
    return { site };
  }

  app.post('/v1/responses', async (c) => {
    const refused = spent(c);
    if (refused) return refused;
    const body = await readJson(c);
    if (!body.ok) {
      return failed(
        c,
        body.reason === 'json' ? problem(c, 400, 'invalid_json', 'the body is not valid JSON') : problem(c, 415, 'unsupported_media_type', 'send application/json or text/plain'),
      );
    }
    const parsed = check(responsePayloadSchema, body.value);
    if (!parsed.ok) return failed(c, problem(c, 400, 'invalid_response', 'the response does not match the contract', parsed.issues));
    const payload = parsed.value;
    const admitted = await admit(c, payload.siteKey);
    if ('response' in admitted) return admitted.response;
    // The segment is the server's own reading of the score, never the client's word.
    const segment = segmentOf(payload.score);
    const stored = await deps.store.upsertResponse(admitted.site, payload, segment);
    if (stored.kind === 'foreign') return problem(c, 409, 'id_taken', 'this response id belongs to another site');
    return c.json({ id: payload.id, seq: stored.seq, segment: stored.segment });
  });

  app.get('/v1/eligibility', async (c) => {
    const refused = spent(c);
    if (refused) return refused;
    const parsed = check(eligibilityQuerySchema, c.req.query());
    if (!parsed.ok) return failed(c, problem(c, 400, 'invalid_query', 'siteKey and userId are required', parsed.issues));
    const admitted = await admit(c, parsed.value.siteKey);
    if ('response' in admitted) return admitted.response;
    const activity = await deps.store.lastActivity(admitted.site.id, parsed.value.userId);
    const verdict = decideEligibility({ visitor: { sampled: true, ...activity }, shownThisSession: 0, throttle: THROTTLE, sample: 1, now: deps.now(), random: () => 0 });
    return c.json({
      eligible: verdict.eligible,
      ...isoField('nextEligibleAt', verdict.nextEligibleAt),
      ...isoField('lastRespondedAt', activity.lastRespondedAt),
      ...isoField('lastDismissedAt', activity.lastDismissedAt),
    });
  });

  app.post('/v1/dismissals', async (c) => {
    const refused = spent(c);
    if (refused) return refused;
    const body = await readJson(c);
    if (!body.ok) return failed(c, problem(c, 400, 'invalid_json', 'the body is not valid JSON'));
    const parsed = check(dismissalSchema, body.value);
    if (!parsed.ok) return failed(c, problem(c, 400, 'invalid_dismissal', 'siteKey and userId are required', parsed.issues));
    const admitted = await admit(c, parsed.value.siteKey);
    if ('response' in admitted) return admitted.response;
    await deps.store.recordDismissal(admitted.site.id, parsed.value.userId);
    return c.body(null, 204);
  });
}

function isoField(name: string, ms: number | undefined): Record<string, string> {
  return ms === undefined ? {} : { [name]: new Date(ms).toISOString() };
}
