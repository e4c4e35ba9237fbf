import type { Hono } from 'hono';
import { allowsAdvocacy, playbookChangeSchema, SEGMENTS, type Segment } from '../../sdk/index.ts';
import type { Audit } from '../http/audit.ts';
import type { AppEnv } from '../http/context.ts';
import type { Authorize } from '../http/principal.ts';
import { problem } from '../http/problem.ts';
import { check, readJson } from '../http/validate.ts';
import type { PlaybooksStore } from './store.ts';

const isSegment = (value: string): value is Segment => SEGMENTS.some((segment) => segment === value);

/** `GET /v1/playbooks` (viewer) and `PUT /v1/playbooks/:segment` (admin): the team's playbooks. */
export function playbookRoutes(app: Hono<AppEnv>, deps: { playbooks: PlaybooksStore; authorize: Authorize; audit: Audit }) {
  const { authorize } = deps;

  app.get('/v1/playbooks', authorize('viewer'), async (c) => c.json({ items: await deps.playbooks.listPlaybooks(c.get('principal').teamId) }));

  app.put('/v1/playbooks/:segment', authorize('admin'), async (c) => {
    const segment = c.req.param('segment');
    if (!isSegment(segment)) return problem(c, 404, 'not_found', `no playbook ${segment}: one of ${SEGMENTS.join(', ')}`);
    const body = await readJson(c);
    if (!body.ok) return problem(c, 400, 'invalid_json', 'the body is not valid JSON');
    const parsed = check(playbookChangeSchema, body.value);
    if (!parsed.ok) return problem(c, 400, 'invalid_playbook', 'the playbook is not valid', parsed.issues);
    // Asking an unhappy or lukewarm customer for a referral or review is never a step (SPEC §10).
    const refused = allowsAdvocacy(segment) ? [] : parsed.value.steps.flatMap((step, index) => (step.advocacy ? [{ path: `steps.${index}.advocacy`, message: `a ${segment} playbook may not ask for a referral or a review` }] : []));
    if (refused.length) return problem(c, 400, 'advocacy_not_allowed', `only the promoter playbook may ask for a referral or a review`, refused);
    const principal = c.get('principal');
    const playbook = await deps.playbooks.setPlaybook(principal.teamId, segment, parsed.value.steps, principal.userId);
    await deps.audit(c, 'playbook.changed', { type: 'playbook', id: segment }, { steps: playbook.steps.length });
    return c.json(playbook);
  });
}
