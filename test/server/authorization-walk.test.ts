import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../sdk/index.ts';
import { appHeaders, person, teamWithSite, testAccounts } from '../helpers/accounts.ts';
import { ENGINES, startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { makePayload } from '../helpers/payload.ts';

/**
 * Every admin route the collector serves, with the least role it needs (SPEC §9). A route that
 * is missing here fails the walk: a new admin route must say who may use it.
 */
const LEAST: Record<string, Role> = {
  'GET /v1/responses': 'viewer',
  'GET /v1/responses/:id': 'viewer',
  'GET /v1/responses.csv': 'viewer',
  'GET /v1/stats': 'viewer',
  'GET /v1/stats/summary': 'viewer',
  'GET /v1/me': 'viewer',
  'POST /v1/me/team': 'viewer',
  'GET /v1/team': 'viewer',
  'GET /v1/members': 'viewer',
  'GET /v1/sites': 'viewer',
  'PATCH /v1/responses/:id/follow-up': 'member',
  'GET /v1/jobs': 'member',
  'POST /v1/jobs/:id/retry': 'member',
  'PATCH /v1/team': 'admin',
  'PATCH /v1/members/:userId': 'admin',
  'DELETE /v1/members/:userId': 'admin',
  'POST /v1/members/:userId/reset-link': 'admin',
  'GET /v1/invitations': 'admin',
  'POST /v1/invitations': 'admin',
  'DELETE /v1/invitations/:id': 'admin',
  'GET /v1/tokens': 'admin',
  'POST /v1/tokens': 'admin',
  'DELETE /v1/tokens/:id': 'admin',
  'GET /v1/audit': 'admin',
  'GET /v1/webhooks': 'admin',
  'POST /v1/webhooks': 'admin',
  'PATCH /v1/webhooks/:id': 'admin',
  'DELETE /v1/webhooks/:id': 'admin',
  'POST /v1/webhooks/:id/rotate': 'admin',
  'GET /v1/webhooks/:id/deliveries': 'admin',
  'POST /v1/webhooks/:id/deliveries/:deliveryId/replay': 'admin',
  'POST /v1/webhooks/:id/test': 'admin',
  'GET /v1/me/mail-preferences': 'viewer',
  'PUT /v1/me/mail-preferences': 'viewer',
  'POST /v1/responses/:id/reply': 'member',
  'GET /v1/outbox': 'admin',
  'GET /v1/team/alert-recipients': 'admin',
  'PATCH /v1/team/alert-recipients': 'admin',
  'GET /v1/changes': 'viewer',
  'GET /v1/changes/:id': 'viewer',
  'GET /v1/sites/:id/retention': 'viewer',
  'POST /v1/changes': 'member',
  'POST /v1/changes/:id/responses': 'member',
  'POST /v1/changes/:id/publish': 'member',
  'POST /v1/people/erase': 'admin',
  'PUT /v1/sites/:id/retention': 'admin',
  'POST /v1/sites': 'admin',
  'PATCH /v1/sites/:id': 'admin',
  'GET /v1/responses/count': 'viewer',
  'GET /v1/views': 'viewer',
  'POST /v1/views': 'member',
  'PATCH /v1/views/:id': 'member',
  'DELETE /v1/views/:id': 'member',
  'GET /v1/playbooks': 'viewer',
  'PUT /v1/playbooks/:segment': 'admin',
};
/** Routes anyone may call: the widget's, the docs, and the invitation link's own two. */
const PUBLIC = new Set(['POST /v1/responses', 'POST /v1/dismissals', 'POST /v1/impressions', 'GET /v1/eligibility', 'GET /v1/openapi.json', 'GET /v1/invitations/lookup', 'POST /v1/invitations/accept', 'POST /v1/notices/:id/seen']);
/** A webhook to a name that never resolves (`.example`): creating one in the walk sends nothing anywhere. */
const WEBHOOK = { url: 'https://hooks.example/onepoint', events: ['response.scored'] };
const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2 };

describe.each(ENGINES)('every admin route × every role × another team on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let collector: TestCollector;
  let routes: string[];
  /** Team A's people; team B's response, member, token and invitation ids. */
  const as: Partial<Record<Role, (path: string, init?: RequestInit) => Promise<Response>>> = {};
  const own = { response: makePayload({ score: 3, anonymousId: 'team-a' }) };
  const other = { response: makePayload({ score: 2, anonymousId: 'team-b' }), userId: '', tokenId: '', invitationId: '', webhookId: '', changeId: '', siteId: '', viewId: '' };

  beforeAll(async () => {
    collector = await startTestCollector(name);
    const people = await testAccounts(collector);
    const teamA = await teamWithSite(collector, 'Team A');
    const teamB = await collector.store.resources.teams.createTeam({ name: 'Team B' });
    const siteB = await collector.store.createSite({ name: 'Other shop', origins: ['https://other.example'], teamId: teamB.id });
    own.response.siteKey = collector.site.publicKey;
    other.response.siteKey = siteB.site.publicKey;
    other.siteId = siteB.site.id;
    expect((await collector.post(own.response)).status).toBe(200);
    expect((await collector.post(other.response, { origin: 'https://other.example' })).status).toBe(200);
    for (const role of ['admin', 'member', 'viewer'] as const) as[role] = (await person(collector, people, { email: `${role}@a.example`, teamId: teamA, role })).fetch;
    const bAdmin = await person(collector, people, { email: 'admin@b.example', teamId: teamB.id, role: 'admin' });
    other.userId = bAdmin.userId;
    other.tokenId = (await (await bAdmin.fetch('/v1/tokens', { method: 'POST', body: JSON.stringify({ name: 'b', scope: 'read' }) })).json()).token.id;
    other.viewId = (await (await bAdmin.fetch('/v1/views', { method: 'POST', body: JSON.stringify({ name: 'b', query: { segment: 'detractor' } }) })).json()).id;
    other.invitationId = (await (await bAdmin.fetch('/v1/invitations', { method: 'POST', body: JSON.stringify({ email: 'x@b.example', role: 'viewer' }) })).json()).invitation.id;
    other.webhookId = (await (await bAdmin.fetch('/v1/webhooks', { method: 'POST', body: JSON.stringify(WEBHOOK) })).json()).id;
    expect(other.webhookId).toMatch(/^wh_/);
    other.changeId = (await (await bAdmin.fetch('/v1/changes', { method: 'POST', body: JSON.stringify({ title: 'b', body: 'b', responseIds: [other.response.id] }) })).json()).id;
    other.siteId = siteB.site.id;
    routes = [...new Set(collector.app.routes.filter((route) => route.path.startsWith('/v1/') && route.method !== 'ALL' && route.method !== 'OPTIONS').map((route) => `${route.method} ${route.path}`))];
  });
  afterAll(() => collector.dispose());

  /** The route's path with team B's ids in it. */
  const otherPath = (route: string) =>
    route
      .split(' ')[1]!
      .replace('/v1/responses/:id', `/v1/responses/${other.response.id}`)
      .replace(':userId', other.userId)
      .replace('/v1/tokens/:id', `/v1/tokens/${other.tokenId}`)
      .replace('/v1/invitations/:id', `/v1/invitations/${other.invitationId}`)
      .replace('/v1/webhooks/:id', `/v1/webhooks/${other.webhookId}`)
      .replace(':deliveryId', 'msg_00000000000000000000000000000000')
      .replace('/v1/changes/:id', `/v1/changes/${other.changeId}`)
      .replace('/v1/sites/:id', `/v1/sites/${other.siteId}`)
      .replace('/v1/views/:id', `/v1/views/${other.viewId}`)
      .replace(':segment', 'detractor')
      .replace('/v1/jobs/:id', '/v1/jobs/00000000-0000-4000-8000-000000000000');
  /** A valid body where the route takes one: a 404 must not hide behind a 400. */
  const BODIES: Record<string, unknown> = {
    'PATCH /v1/responses/:id/follow-up': { status: 'contacted' },
    'PATCH /v1/members/:userId': { role: 'viewer' },
    'POST /v1/webhooks': WEBHOOK,
    'PATCH /v1/webhooks/:id': { enabled: false },
    'PUT /v1/me/mail-preferences': { newDetractor: true, digest: true, reminders: true },
    'POST /v1/responses/:id/reply': { subject: 'Thanks', body: 'We read it.' },
    'PATCH /v1/team/alert-recipients': { emails: null },
    'POST /v1/changes/:id/responses': { responseIds: [own.response.id] },
    'PUT /v1/sites/:id/retention': { days: 30 },
    'PATCH /v1/sites/:id': { name: 'Renamed' },
    'PATCH /v1/views/:id': { name: 'Renamed' },
    'POST /v1/views': { name: 'Mine, detractors', query: { owner: 'me', segment: 'detractor' } },
    'PUT /v1/playbooks/:segment': { steps: [{ id: 'call', text: 'Call them' }] },
  };
  const call = (fetcher: (path: string, init?: RequestInit) => Promise<Response>, route: string) => {
    const [method] = route.split(' ');
    return fetcher(otherPath(route), method === 'GET' || method === 'DELETE' ? { method } : { method, body: JSON.stringify(BODIES[route] ?? {}) });
  };

  it('knows every admin route it serves', () => {
    const unknown = routes.filter((route) => !(route in LEAST) && !PUBLIC.has(route));
    expect(unknown, 'admin routes without a least role in this test').toEqual([]);
    for (const route of Object.keys(LEAST)) expect(routes, route).toContain(route);
  });

  it('answers 401 to nobody on every admin route', async () => {
    for (const route of Object.keys(LEAST)) {
      const answer = await call((path, init) => fetch(`${collector.url}${path}`, { ...init, headers: appHeaders(collector) }), route);
      expect(answer.status, route).toBe(401);
    }
  });

  it('answers 403 below the least role, and never 401/403 at or above it', async () => {
    for (const route of Object.keys(LEAST)) {
      for (const role of ['viewer', 'member', 'admin'] as const) {
        if (route === 'DELETE /v1/members/:userId' && role === 'admin') continue; // walked below: it would remove
        const answer = await call(as[role]!, route);
        if (RANK[role] < RANK[LEAST[route]!]) expect(answer.status, `${role} ${route}`).toBe(403);
        else expect([401, 403], `${role} ${route} → ${answer.status}`).not.toContain(answer.status);
      }
    }
  });

  it('answers 404 for another team’s response, member, token, invitation, webhook, view and change', async () => {
    // A playbook is a segment's, and every team has one of each: there is no other team's to reach.
    for (const route of Object.keys(LEAST).filter((key) => key.includes(':') && !key.includes('/v1/jobs/') && !key.includes(':segment'))) {
      const answer = await call(as.admin!, route);
      expect(answer.status, route).toBe(404);
    }
  });

  it('lists, counts and exports only the team’s own responses', async () => {
    const list = await (await as.viewer!('/v1/responses?includeTest=true')).json();
    const ids = list.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(own.response.id);
    expect(ids).not.toContain(other.response.id);
    const stats = await (await as.viewer!('/v1/stats?includeTest=true')).json();
    expect(stats.summary.total).toBe(1);
    const summary = await (await as.viewer!('/v1/stats/summary?includeTest=true')).json();
    expect(summary.summary.total).toBe(1);
    const csv = await (await as.viewer!('/v1/responses.csv?includeTest=true')).text();
    expect(csv).toContain(own.response.id);
    expect(csv).not.toContain(other.response.id);
    const members = await (await as.viewer!('/v1/members')).json();
    expect(members.items.map((member: { email: string }) => member.email)).not.toContain('admin@b.example');
  });

  it('a viewer gets 403 on every change and a member on every admin change', async () => {
    // A viewer's own settings are theirs to change: which team they work in, which mail they get.
    const changes = Object.keys(LEAST).filter((route) => !route.startsWith('GET ') && route !== 'POST /v1/me/team' && route !== 'PUT /v1/me/mail-preferences');
    for (const route of changes) expect((await call(as.viewer!, route)).status, route).toBe(403);
  });
});
