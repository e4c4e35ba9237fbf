import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { segmentOf, SCORES, webhookEventSchema, type WebhookCreate } from '../../sdk/index.ts';
import type { Driver } from '../../server/db/driver.ts';
import { openDatabase } from '../../server/db/open.ts';
import { siteTeamId } from '../../server/sites/index.ts';
import type { Site } from '../../server/store.ts';
import { fanOut, RETRY_WINDOW_MS, sampleEventData, webhooksStore, type WebhooksStore } from '../../server/webhooks/index.ts';
import { ENGINES, startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { makePayload } from '../helpers/payload.ts';
import { startReceiver, until, type Respond } from '../helpers/webhook-receiver.ts';

// Delivery end to end on a real collector and database: ingest → response event job → fan-out →
// webhook.deliver job → a node:http receiver in this process, which checks every signature with the
// standardwebhooks library as a real receiver would. The queue's backoff is made a millisecond, and
// the deliveries' clock is the test's, so a day of retries takes no day.

describe.each(ENGINES)('webhook delivery on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL', () => undefined);
    return;
  }
  let collector: TestCollector;
  let db: Driver;
  let webhooks: WebhooksStore;
  // The runner's and the deliveries' one clock, which a test moves a day on. Leases outlast the
  // jump: at 30 s, every lease expired at it, and the runner could claim the attempt still running
  // and send it a third time (seen once on Postgres under CI's load).
  const clock = { offset: 0 };
  const now = () => Date.now() + clock.offset;
  const told: { teamId: string; subject: string; text: string }[] = [];
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    collector = await startTestCollector(name, {
      jobs: { pollMs: 10, backoff: { baseMs: 1, maxMs: 2 }, now, leaseMs: 3 * RETRY_WINDOW_MS },
      webhooks: { allowPrivate: true, now, notifyAdmins: (teamId, subject, text) => void told.push({ teamId, subject, text }) },
    });
    db = await openDatabase(collector.databaseUrl);
    webhooks = webhooksStore(db);
  });
  afterEach(async () => {
    clock.offset = 0;
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  afterAll(async () => {
    await db.close();
    await collector.dispose();
  });

  /** A site of a team of its own, a receiver answering as `respond`, and a webhook of that team to it. */
  async function setup(respond: Respond, webhook: Partial<WebhookCreate> = {}) {
    const { site } = await collector.store.createSite({ name: `Shop ${Math.random()}`, origins: ['https://shop.example'] });
    const teamId = await siteTeamId(db, site.id);
    if (!teamId) throw new Error('the site has no team');
    const receiver = await startReceiver(respond);
    cleanups.push(() => receiver.close());
    const created = await webhooks.create(teamId, { url: receiver.url, events: ['response.scored'], ...webhook }, null);
    return { site, teamId, receiver, webhook: created.webhook, secret: created.secret };
  }
  const respond = (site: Site, overrides: Parameters<typeof makePayload>[0] = {}) => {
    const payload = makePayload({ siteKey: site.publicKey, ...overrides });
    return collector.store.upsertResponse(site, payload, segmentOf(payload.score)).then(() => payload);
  };
  /** Every job of the site has finished (events fanned out, deliveries sent or given up). */
  const settled = (siteId: string) =>
    until(async () => Number((await db.all("SELECT COUNT(*) AS n FROM jobs WHERE site_id = ? AND state IN ('queued', 'running')", [siteId]))[0]?.n), (n) => n === 0, 30_000, 'the jobs of the site');
  const deliveriesOf = async (teamId: string, webhookId: string) => (await webhooks.deliveries(teamId, webhookId, { limit: 200 })) ?? [];

  it('500, 500, then 200: delivered on the third attempt, every attempt signed, with the same webhook-id', async () => {
    const { site, teamId, receiver, webhook, secret } = await setup((n) => (n <= 2 ? 500 : 200));
    const payload = await respond(site, { score: 3, comment: 'too slow' });
    const [delivery] = await until(() => deliveriesOf(teamId, webhook.id), (items) => items[0]?.state === 'delivered', 30_000, 'the delivery');
    expect(delivery).toMatchObject({ type: 'response.scored', state: 'delivered', attempts: 3, lastStatus: 200, lastExcerpt: 'answer 200 to request 3' });
    expect(receiver.received).toHaveLength(3);
    const ids = receiver.received.map((request) => request.headers['webhook-id']);
    expect(new Set(ids)).toEqual(new Set([delivery?.id]));
    expect(delivery?.id).toMatch(/^msg_[0-9a-f]{32}$/);
    const verifier = new Webhook(secret);
    for (const request of receiver.received) {
      const headers = { 'webhook-id': String(request.headers['webhook-id']), 'webhook-timestamp': String(request.headers['webhook-timestamp']), 'webhook-signature': String(request.headers['webhook-signature']) };
      const event = webhookEventSchema.parse(verifier.verify(request.body, headers));
      expect(event).toMatchObject({ type: 'response.scored', data: { response: { id: payload.id, score: 3, segment: 'detractor', comment: 'too slow' } } });
      // Another secret's signature does not verify: the check is real.
      expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(request.body, headers)).toThrow();
    }
  });

  it('410 Gone disables the webhook at once, and its admins are told', async () => {
    const { site, teamId, receiver, webhook } = await setup(() => 410);
    await respond(site);
    await until(() => webhooks.get(teamId, webhook.id), (found) => found?.disabledAt !== null, 30_000, 'the webhook disabled');
    await until(() => told.filter((notice) => notice.teamId === teamId), (notices) => notices.length === 1, 30_000, 'the admins told');
    expect(await webhooks.get(teamId, webhook.id)).toMatchObject({ disabledReason: 'the endpoint answered 410 Gone' });
    expect(told.find((notice) => notice.teamId === teamId)?.text).toContain(receiver.url);
    expect((await deliveriesOf(teamId, webhook.id))[0]).toMatchObject({ state: 'failed', attempts: 1, lastStatus: 410 });
    // Disabled: the next event makes no delivery.
    await respond(site);
    await settled(site.id);
    expect(await deliveriesOf(teamId, webhook.id)).toHaveLength(1);
    expect(receiver.received).toHaveLength(1);
  });

  it('failing past the retry window: the delivery fails, the webhook is disabled, the admins are told once', async () => {
    const { site, teamId, receiver, webhook } = await setup((n) => {
      // The second attempt happens a day and a bit after the event.
      if (n === 2) clock.offset = RETRY_WINDOW_MS + 60_000;
      return 503;
    });
    await respond(site);
    await until(() => deliveriesOf(teamId, webhook.id), (items) => items[0]?.state === 'failed', 30_000, 'the delivery failed');
    expect(receiver.received).toHaveLength(2);
    expect((await deliveriesOf(teamId, webhook.id))[0]).toMatchObject({ attempts: 2, lastStatus: 503 });
    expect((await webhooks.get(teamId, webhook.id))?.disabledReason).toMatch(/^deliveries failed for 24 hours/);
    await until(() => told.filter((notice) => notice.teamId === teamId), (notices) => notices.length === 1, 30_000, 'the admins told');
    expect(told.find((notice) => notice.teamId === teamId)?.subject).toBe('A webhook was turned off');
  });

  it('a redirect is a failed attempt: never followed, retried', async () => {
    const { site, teamId, webhook } = await setup((n, _request, response) => {
      if (n > 1) return 200;
      response.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      return 'handled';
    });
    await respond(site);
    const [delivery] = await until(() => deliveriesOf(teamId, webhook.id), (items) => items[0]?.state === 'delivered', 30_000, 'the delivery');
    expect(delivery?.attempts).toBe(2);
  });

  it('the Slack format sends text and blocks, signed like the rest', async () => {
    const { site, teamId, receiver, webhook, secret } = await setup(() => 200, { format: 'slack' });
    await respond(site, { score: 2, comment: 'broken <@channel> & slow', user: { id: 'u1', email: 'ana@example.com' } });
    await until(() => deliveriesOf(teamId, webhook.id), (items) => items[0]?.state === 'delivered', 30_000, 'the delivery');
    const [request] = receiver.received;
    if (!request) throw new Error('nothing received');
    const headers = { 'webhook-id': String(request.headers['webhook-id']), 'webhook-timestamp': String(request.headers['webhook-timestamp']), 'webhook-signature': String(request.headers['webhook-signature']) };
    expect(new Webhook(secret).verify(request.body, headers)).toEqual({
      text: 'New NPS score: 2/10 (detractor) from ana@example.com',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: '*New NPS score: 2/10 (detractor) from ana@example.com*\n> broken &lt;@channel&gt; &amp; slow' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'survey nps · follow-up new' }] },
      ],
    });
  });

  it('advocacy: a webhook asking everyone acts for promoters (9–10) only; a plain one for every score', async () => {
    const { site, teamId, receiver: asks, webhook: ask } = await setup(() => 200, { advocacy: true, segments: ['detractor', 'passive', 'promoter'] });
    const all = await startReceiver(() => 200);
    cleanups.push(() => all.close());
    const plain = (await webhooks.create(teamId, { url: all.url, events: ['response.scored'] }, null)).webhook;
    for (const score of SCORES) await respond(site, { score });
    await until(() => deliveriesOf(teamId, plain.id), (items) => items.length === 11 && items.every((item) => item.state === 'delivered'), 60_000, 'every plain delivery');
    await until(() => deliveriesOf(teamId, ask.id), (items) => items.length === 2 && items.every((item) => item.state === 'delivered'), 60_000, 'the advocacy deliveries');
    const scores = (received: typeof asks.received) => received.map((request) => webhookEventSchema.parse(JSON.parse(request.body)).data.response.score).sort((a, b) => a - b);
    expect(scores(asks.received)).toEqual([9, 10]);
    expect(scores(all.received)).toEqual([...SCORES]);
  });

  it('filters by event and segment; follow_up.changed carries the change and who made it', async () => {
    const { site, teamId, receiver, webhook } = await setup(() => 200, { events: ['follow_up.changed', 'response.completed'], segments: ['detractor'] });
    const promoter = await respond(site, { score: 10, status: 'complete' });
    const detractor = await respond(site, { score: 1, status: 'partial' });
    const changed = await collector.store.updateFollowUp({ teamId, siteIds: [site.id] }, detractor.id, { status: 'contacted', owner: 'Ana' }, { type: 'member', id: 'user-1', name: 'Bo' });
    expect(changed.kind).toBe('changed');
    // A note alone is no follow-up change.
    await collector.store.updateFollowUp({ teamId, siteIds: [site.id] }, detractor.id, { note: 'called' }, { type: 'member', id: 'user-1', name: 'Bo' });
    await until(() => deliveriesOf(teamId, webhook.id), (items) => items.length === 1 && items[0]?.state === 'delivered', 30_000, 'the delivery');
    await settled(site.id); // nothing else on its way
    expect(receiver.received).toHaveLength(1);
    const event = webhookEventSchema.parse(JSON.parse(receiver.received[0]?.body ?? ''));
    expect(event.type).toBe('follow_up.changed');
    expect(event.data.response).toMatchObject({ id: detractor.id, followUpStatus: 'contacted', followUpOwner: 'Ana' });
    expect(event.data.change).toEqual({ status: 'contacted', ownerId: null, owner: 'Ana', by: { type: 'member', id: 'user-1', name: 'Bo' } });
    expect(promoter.id).not.toBe(detractor.id);
  });

  it('fanning out the same event twice (its job ran twice) makes one delivery per webhook', async () => {
    const { teamId, receiver, webhook } = await setup(() => 200, { events: ['loop.closed'] });
    const event = { teamId, type: 'loop.closed' as const, data: sampleEventData(Date.now()), segment: 'promoter' as const, at: Date.now(), key: 'loop.closed:one' };
    const first = await db.transaction((tx) => fanOut(tx, event));
    expect(first).toHaveLength(1);
    expect(await db.transaction((tx) => fanOut(tx, event))).toEqual([]);
    await until(() => deliveriesOf(teamId, webhook.id), (items) => items[0]?.state === 'delivered', 30_000, 'the delivery');
    expect((await deliveriesOf(teamId, webhook.id)).map((item) => item.id)).toEqual(first);
    expect(receiver.received).toHaveLength(1);
  });

  it('after a rotation both secrets verify for a day; after that only the new one', async () => {
    const { teamId, receiver, webhook, secret: old } = await setup(() => 200);
    const headersOf = (index: number) => {
      const request = receiver.received[index];
      if (!request) throw new Error(`no request ${index}`);
      return { body: request.body, headers: { 'webhook-id': String(request.headers['webhook-id']), 'webhook-timestamp': String(request.headers['webhook-timestamp']), 'webhook-signature': String(request.headers['webhook-signature']) } };
    };
    // Rotated a day and an hour ago: the old secret's overlap is over.
    const rotatedLongAgo = await webhooksStore(db, () => Date.now() - RETRY_WINDOW_MS - 3_600_000).rotate(teamId, webhook.id);
    if (!rotatedLongAgo) throw new Error('not rotated');
    const sample = { response: sampleEventData(Date.now()).response };
    await webhooks.test(teamId, webhook.id, sample);
    await until(() => receiver.received.length, (n) => n === 1, 30_000, 'the first test event');
    const first = headersOf(0);
    expect(first.headers['webhook-signature'].split(' ')).toHaveLength(1);
    expect(() => new Webhook(rotatedLongAgo).verify(first.body, first.headers)).not.toThrow();
    expect(() => new Webhook(old).verify(first.body, first.headers)).toThrow();
    // Rotated now: the new secret and the one before it both sign.
    const fresh = await webhooks.rotate(teamId, webhook.id);
    if (!fresh) throw new Error('not rotated');
    await webhooks.test(teamId, webhook.id, sample);
    await until(() => receiver.received.length, (n) => n === 2, 30_000, 'the second test event');
    const second = headersOf(1);
    expect(second.headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(fresh).verify(second.body, second.headers)).not.toThrow();
    expect(() => new Webhook(rotatedLongAgo).verify(second.body, second.headers)).not.toThrow();
    expect(() => new Webhook(old).verify(second.body, second.headers)).toThrow();
  });

  it('replay sends the same webhook-id again; the test event goes to this webhook only', async () => {
    const { site, teamId, receiver, webhook } = await setup(() => 200);
    await respond(site);
    const [first] = await until(() => deliveriesOf(teamId, webhook.id), (items) => items[0]?.state === 'delivered', 30_000, 'the delivery');
    if (!first) throw new Error('no delivery');
    expect(await webhooks.replay(teamId, webhook.id, first.id)).toMatchObject({ id: first.id, state: 'pending' });
    await until(() => receiver.received.length, (n) => n === 2, 30_000, 'the replay');
    expect(receiver.received.map((request) => request.headers['webhook-id'])).toEqual([first.id, first.id]);
    const test = await webhooks.test(teamId, webhook.id, { response: webhookEventSchema.shape.data.shape.response.parse(JSON.parse(receiver.received[0]?.body ?? '').data.response) });
    if (!test || typeof test === 'string') throw new Error('no test delivery');
    await until(() => receiver.received.length, (n) => n === 3, 30_000, 'the test event');
    expect(JSON.parse(receiver.received[2]?.body ?? '')).toMatchObject({ type: 'webhook.test' });
    expect(receiver.received[2]?.headers['webhook-id']).toBe(test.id);
  });
});
