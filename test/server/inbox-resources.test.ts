import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playbookListSchema, responseDetailSchema, savedViewListSchema, savedViewSchema, type TimelineEntry } from '../../sdk/index.ts';
import { person, teamWithSite, testAccounts, type Person } from '../helpers/accounts.ts';
import { ENGINES, startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { makePayload } from '../helpers/payload.ts';

const DAY = 86_400_000;

// The inbox's server side over a real collector, as the team app calls it: saved views and their
// counts, playbooks, step ticks in the timeline, the list's sorts and its count.
describe.each(ENGINES)('saved views, playbooks and step ticks on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  const clock = { now: Date.now() };
  let collector: TestCollector;
  let admin: Person;
  let member: Person;
  let viewer: Person;
  const detractor = makePayload({ score: 2, comment: 'slow', anonymousId: 'd' });
  const passive = makePayload({ score: 7, anonymousId: 'p' });
  const promoter = makePayload({ score: 10, anonymousId: 'q' });
  const old = makePayload({ score: 1, anonymousId: 'o' });

  beforeAll(async () => {
    collector = await startTestCollector(name, { now: () => clock.now });
    const people = await testAccounts(collector);
    const teamId = await teamWithSite(collector);
    admin = await person(collector, people, { email: 'admin@shop.example', teamId, role: 'admin' });
    member = await person(collector, people, { email: 'member@shop.example', teamId, role: 'member' });
    viewer = await person(collector, people, { email: 'viewer@shop.example', teamId, role: 'viewer' });
    // Old first: ten days ago, so it is overdue (due after seven) and not "this week".
    clock.now -= 10 * DAY;
    expect((await collector.post({ ...old, siteKey: collector.site.publicKey })).status).toBe(200);
    clock.now += 10 * DAY;
    for (const payload of [detractor, passive, promoter]) {
      clock.now += 1000;
      expect((await collector.post({ ...payload, siteKey: collector.site.publicKey })).status).toBe(200);
    }
  });
  afterAll(() => collector.dispose());

  const json = async (answer: Response, status = 200) => {
    expect(answer.status, await answer.clone().text()).toBe(status);
    return answer.json();
  };
  const listIds = async (who: Person, query: Record<string, string>) => {
    const body = await json(await who.fetch(`/v1/responses?${new URLSearchParams(query)}`));
    return body.items.map((item: { id: string }) => item.id);
  };

  it('built-in views come with counts equal to the lists they open', async () => {
    await json(await member.fetch(`/v1/responses/${detractor.id}/follow-up`, { method: 'PATCH', body: JSON.stringify({ ownerId: member.userId }) }));
    const views = savedViewListSchema.parse(await json(await member.fetch('/v1/views')));
    expect(views.items.map((view) => view.id)).toEqual(['detractors-to-contact', 'passives-this-week', 'mine', 'overdue']);
    for (const view of views.items) expect(view.count, view.id).toBe((await listIds(member, view.query)).length);
    const byId = Object.fromEntries(views.items.map((view) => [view.id, view.count]));
    expect(byId).toEqual({ 'detractors-to-contact': 2, 'passives-this-week': 1, mine: 1, overdue: 1 });
    expect(await listIds(member, views.items[3]!.query)).toEqual([old.id]);
    // A site key is nobody: "mine" cannot be counted for it, the others can.
    const asKey = savedViewListSchema.parse(await json(await collector.admin('/v1/views')));
    expect(asKey.items.find((view) => view.id === 'mine')?.count).toBeNull();
    expect(asKey.items.find((view) => view.id === 'overdue')?.count).toBe(1);
  });

  it('a member saves and deletes the team’s views; a viewer may only read them; bad queries name the parameter', async () => {
    const body = { name: 'Pro detractors', query: { segment: 'detractor', 'trait.plan': 'pro' } };
    expect((await viewer.fetch('/v1/views', { method: 'POST', body: JSON.stringify(body) })).status).toBe(403);
    const created = savedViewSchema.parse(await json(await member.fetch('/v1/views', { method: 'POST', body: JSON.stringify(body) }), 201));
    expect(created).toMatchObject({ name: 'Pro detractors', builtIn: false, query: body.query, count: 0 });
    const seen = savedViewListSchema.parse(await json(await viewer.fetch('/v1/views')));
    expect(seen.items.at(-1)).toEqual(created);

    const bad = await json(await member.fetch('/v1/views', { method: 'POST', body: JSON.stringify({ name: 'x', query: { segment: 'fans', cursor: 'abc' } }) }), 400);
    expect(bad.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['query.cursor', 'query.segment']);
    expect((await member.fetch('/v1/views', { method: 'POST', body: JSON.stringify({ name: '', query: {} }) })).status).toBe(400);

    // Renamed by a member: the same view (id, query, count) under its new name; the audit log says so.
    const rename = (path: string, who = member, name: unknown = 'Pro detractors to call') => who.fetch(path, { method: 'PATCH', body: JSON.stringify({ name }) });
    expect((await rename(`/v1/views/${created.id}`, viewer)).status).toBe(403);
    expect((await rename('/v1/views/overdue')).status).toBe(400);
    expect((await rename('/v1/views/view_of_nobody')).status).toBe(404);
    const empty = await json(await rename(`/v1/views/${created.id}`, member, ''), 400);
    expect(empty.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['name']);
    expect((await member.fetch(`/v1/views/${created.id}`, { method: 'PATCH', body: JSON.stringify({ name: 'x', query: {} }) })).status).toBe(400);
    const renamed = savedViewSchema.parse(await json(await rename(`/v1/views/${created.id}`)));
    expect(renamed).toEqual({ ...created, name: 'Pro detractors to call' });
    expect(savedViewListSchema.parse(await json(await viewer.fetch('/v1/views'))).items.at(-1)?.name).toBe('Pro detractors to call');
    const audit = await json(await admin.fetch('/v1/audit?action=view.renamed'));
    expect(audit.items.map((entry: { target: { id: string } | null }) => entry.target?.id)).toEqual([created.id]);

    expect((await viewer.fetch(`/v1/views/${created.id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await member.fetch('/v1/views/mine', { method: 'DELETE' })).status).toBe(400);
    expect((await member.fetch(`/v1/views/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await member.fetch(`/v1/views/${created.id}`, { method: 'DELETE' })).status).toBe(404);
    expect(savedViewListSchema.parse(await json(await viewer.fetch('/v1/views'))).items).toHaveLength(4);
  });

  it('playbooks: defaults per segment, only promoters ask for advocacy; admins edit, others may not', async () => {
    const defaults = playbookListSchema.parse(await json(await viewer.fetch('/v1/playbooks')));
    expect(defaults.items.map((playbook) => [playbook.segment, playbook.custom])).toEqual([['detractor', false], ['passive', false], ['promoter', false]]);
    for (const playbook of defaults.items) expect(playbook.steps.some((step) => step.advocacy), playbook.segment).toBe(playbook.segment === 'promoter');

    const steps = [{ id: 'call', text: 'Call them within a day' }, { id: 'ask-nine', text: 'Ask what would make it a 9' }];
    expect((await member.fetch('/v1/playbooks/passive', { method: 'PUT', body: JSON.stringify({ steps }) })).status).toBe(403);
    for (const segment of ['passive', 'detractor']) {
      const refused = await json(await admin.fetch(`/v1/playbooks/${segment}`, { method: 'PUT', body: JSON.stringify({ steps: [...steps, { id: 'review', text: 'Ask for a review', advocacy: true }] }) }), 400);
      expect(refused.error).toMatchObject({ code: 'advocacy_not_allowed', issues: [{ path: 'steps.2.advocacy' }] });
    }
    expect((await admin.fetch('/v1/playbooks/fans', { method: 'PUT', body: JSON.stringify({ steps }) })).status).toBe(404);
    expect((await admin.fetch('/v1/playbooks/passive', { method: 'PUT', body: JSON.stringify({ steps: [steps[0], steps[0]] }) })).status).toBe(400);
    expect(await json(await admin.fetch('/v1/playbooks/passive', { method: 'PUT', body: JSON.stringify({ steps }) }))).toEqual({ segment: 'passive', steps, custom: true });
    await json(await admin.fetch('/v1/playbooks/promoter', { method: 'PUT', body: JSON.stringify({ steps: [{ id: 'review', text: 'Ask for a review', advocacy: true }] }) }));
    const after = playbookListSchema.parse(await json(await viewer.fetch('/v1/playbooks')));
    expect(after.items.map((playbook) => [playbook.segment, playbook.custom, playbook.steps.map((step) => step.id)])).toEqual([
      ['detractor', false, ['apologise', 'root-cause', 'agree-fix', 'come-back']],
      ['passive', true, ['call', 'ask-nine']],
      ['promoter', true, ['review']],
    ]);
  });

  it('ticking a step of the response’s playbook is a timeline entry; a step of another playbook is a 400', async () => {
    const tick = (who: Person, id: string, step: unknown) => who.fetch(`/v1/responses/${id}/follow-up`, { method: 'PATCH', body: JSON.stringify({ step }) });
    const steps = (timeline: TimelineEntry[]) => timeline.flatMap((entry) => (entry.kind === 'step' ? [[entry.step, entry.text, entry.done, entry.author]] : []));
    expect((await tick(viewer, detractor.id, { id: 'apologise', done: true })).status).toBe(403);
    await json(await tick(member, detractor.id, { id: 'apologise', done: true }));
    // Ticked again: nothing new. Then unticked.
    await json(await tick(member, detractor.id, { id: 'apologise', done: true }));
    const detail = responseDetailSchema.parse(await json(await tick(admin, detractor.id, { id: 'apologise', done: false })));
    expect(steps(detail.timeline)).toEqual([
      ['apologise', 'Apologise, and thank them for telling you', true, 'member'],
      ['apologise', 'Apologise, and thank them for telling you', false, 'admin'],
    ]);
    // The promoters' advocacy step is no step of a detractor's playbook, nor is one that does not exist.
    for (const id of ['review', 'referral', 'nope']) {
      const refused = await json(await tick(member, detractor.id, { id, done: true }), 400);
      expect(refused.error.issues).toEqual([{ path: 'step.id', message: expect.stringContaining('playbook') }]);
    }
    await json(await tick(member, passive.id, { id: 'ask-nine', done: true }));
    expect(steps(responseDetailSchema.parse(await json(await viewer.fetch(`/v1/responses/${passive.id}`))).timeline)).toEqual([['ask-nine', 'Ask what would make it a 9', true, 'member']]);
    expect((await tick(member, passive.id, { id: 'ask-nine' })).status).toBe(400);
  });

  it('the list sorts by score and due date, and its count takes the same filters', async () => {
    expect(await listIds(viewer, { sort: 'score' })).toEqual([old.id, detractor.id, passive.id, promoter.id]);
    expect(await listIds(viewer, { sort: 'due' })).toEqual([old.id, detractor.id, passive.id, promoter.id]);
    expect(await listIds(viewer, {})).toEqual([promoter.id, passive.id, detractor.id, old.id]);
    const bad = await json(await viewer.fetch('/v1/responses?sort=worst'), 400);
    expect(bad.error.issues[0].path).toBe('sort');
    expect(await json(await viewer.fetch('/v1/responses/count?segment=detractor'))).toEqual({ count: 2 });
    expect(await json(await viewer.fetch('/v1/responses/count?q=SLOW'))).toEqual({ count: 1 });
    expect((await viewer.fetch('/v1/responses/count?scoreMin=9&scoreMax=3')).status).toBe(400);
  });
});
