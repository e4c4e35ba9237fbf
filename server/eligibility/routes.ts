import type { Hono } from 'hono';
import { decideEligibility, throttleSchema } from '../../sdk/index.ts';
import type { AppEnv, HttpDeps } from '../http/context.ts';
import { problem } from '../http/problem.ts';
import { check, readJson } from '../http/validate.ts';
import { publicGate, type PublicDeps } from '../sites/index.ts';
import { dismissalSchema, eligibilityQuerySchema } from './schemas.ts';
import type { EligibilityStore } from './store.ts';

// The same quiet periods the widget applies (SPEC §5), from the one schema that defines them.
const THROTTLE = throttleSchema.parse({});

/** What the team changed after a user's feedback, not seen yet (SPEC §12), as the eligibility answer carries it. */
export type NoticesFor = (siteId: string, userId: string) => Promise<{ id: string; title: string; body: string }[]>;

/**
 * `GET /v1/eligibility`, `POST /v1/dismissals`: the cross-device memory of identified users (SPEC §5).
 * The answer carries the user's pending `notices` when there are any (from `noticesFor`, which the
 * changes resource provides).
 */
export function eligibilityRoutes(app: Hono<AppEnv>, deps: PublicDeps & Pick<HttpDeps, 'now'> & { eligibility: EligibilityStore; noticesFor?: NoticesFor }) {
  const gate = publicGate(deps);

  app.get('/v1/eligibility', async (c) => {
    const refused = gate.spent(c);
    if (refused) return refused;
    const parsed = check(eligibilityQuerySchema, c.req.query());
    if (!parsed.ok) return gate.failed(c, problem(c, 400, 'invalid_query', 'siteKey and userId are required', parsed.issues));
    const admitted = await gate.admit(c, parsed.value.siteKey);
    if ('response' in admitted) return admitted.response;
    const activity = await deps.eligibility.lastActivity(admitted.site.id, parsed.value.userId);
    const verdict = decideEligibility({ visitor: { sampled: true, ...activity }, shownThisSession: 0, throttle: THROTTLE, sample: 1, now: deps.now(), random: () => 0 });
    const notices = (await deps.noticesFor?.(admitted.site.id, parsed.value.userId)) ?? [];
    return c.json({
      eligible: verdict.eligible,
      ...isoField('nextEligibleAt', verdict.nextEligibleAt),
      ...isoField('lastRespondedAt', activity.lastRespondedAt),
      ...isoField('lastDismissedAt', activity.lastDismissedAt),
      ...(notices.length ? { notices } : {}),
    });
  });

  app.post('/v1/dismissals', async (c) => {
    const refused = gate.spent(c);
    if (refused) return refused;
    const body = await readJson(c);
    if (!body.ok) return gate.failed(c, problem(c, 400, 'invalid_json', 'the body is not valid JSON'));
    const parsed = check(dismissalSchema, body.value);
    if (!parsed.ok) return gate.failed(c, problem(c, 400, 'invalid_dismissal', 'siteKey and userId are required', parsed.issues));
    const admitted = await gate.admit(c, parsed.value.siteKey);
    if ('response' in admitted) return admitted.response;
    await deps.eligibility.recordDismissal(admitted.site.id, parsed.value.userId);
    return c.body(null, 204);
  });
}

function isoField(name: string, ms: number | undefined): Record<string, string> {
  return ms === undefined ? {} : { [name]: new Date(ms).toISOString() };
}
