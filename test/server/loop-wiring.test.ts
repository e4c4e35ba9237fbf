import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { select } from '../../server/db/rows.ts';
import { person, teamWithSite, testAccounts, type Person } from '../helpers/accounts.ts';
import { ENGINES, startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { makePayload } from '../helpers/payload.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';

// The collector as it is started (no injected effects): publishing a change reaches the real
// outbox and the real webhook deliveries, and erasing the person reaches them too.
describe.each(ENGINES)('closing the loop through mail and webhooks on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let collector: TestCollector;
  let admin: Person;
  beforeAll(async () => {
    collector = await startTestCollector(name, { webhooks: { allowPrivate: true }, jobs: false });
    const teamId = await teamWithSite(collector);
    admin = await person(collector, await testAccounts(collector), { email: 'ops@example.com', teamId, role: 'admin' });
  });
  afterAll(() => collector.dispose());

  it('publishing queues the respondent’s mail and a loop.closed delivery; erasing them removes both', async () => {
    const answer = makePayload({ siteKey: collector.site.publicKey, score: 5, comment: 'Exports are slow', user: { id: 'u-42', email: 'Kim@Example.com' } });
    expect((await collector.post(answer)).status).toBe(200);
    const hook = await admin.fetch('/v1/webhooks', { method: 'POST', body: JSON.stringify({ url: 'http://127.0.0.1:9/hook', events: ['loop.closed'] }) });
    expect(hook.status).toBe(201);
    const change = await (await admin.fetch('/v1/changes', { method: 'POST', body: JSON.stringify({ title: 'Exports are now 3× faster', body: 'We rebuilt them.', responseIds: [answer.id] }) })).json();
    const published = await admin.fetch(`/v1/changes/${change.id ?? change.change?.id}/publish`, { method: 'POST', body: '{}' });
    expect(published.status).toBe(200);
    const mails = await select(collector.store.db, z.object({ to_address: z.string(), subject: z.string(), state: z.string() }), 'mail_outbox', 'SELECT to_address, subject, state FROM mail_outbox WHERE LOWER(to_address) = ?', ['kim@example.com']);
    expect(mails).toHaveLength(1);
    const deliveries = await select(collector.store.db, z.object({ event_type: z.string(), state: z.string() }), 'webhook_deliveries', 'SELECT event_type, state FROM webhook_deliveries');
    expect(deliveries).toEqual([{ event_type: 'loop.closed', state: 'pending' }]);
    const erased = await admin.fetch('/v1/people/erase', { method: 'POST', body: JSON.stringify({ email: 'kim@example.com' }) });
    expect(erased.status).toBe(200);
    expect((await erased.json()).erased).toMatchObject({ responses: 1, mail: 1, webhookDeliveries: 1 });
    expect(await collector.store.db.all("SELECT 1 FROM mail_outbox WHERE LOWER(to_address) = 'kim@example.com'")).toEqual([]);
    expect(await collector.store.db.all('SELECT 1 FROM webhook_deliveries')).toEqual([]);
  });

  it('the respondent’s “what changed” mail arrives over SMTP once its job runs', async () => {
    const sink: SmtpSink = await startSmtpSink();
    const running = await startTestCollector(name, { smtpUrl: sink.url, jobs: { pollMs: 20, backoff: { baseMs: 20, maxMs: 100 } } });
    try {
      const teamId = await teamWithSite(running);
      const lead = await person(running, await testAccounts(running), { email: 'lead@example.com', teamId, role: 'member' });
      const answer = makePayload({ siteKey: running.site.publicKey, score: 6, comment: 'Please add dark mode', contactConsent: true, followUp: 'dark mode', user: { id: 'u-7', email: 'ana@example.org' } });
      expect((await running.post(answer)).status).toBe(200);
      const change = await (await lead.fetch('/v1/changes', { method: 'POST', body: JSON.stringify({ title: 'Dark mode is here', body: 'Switch it on in settings.', responseIds: [answer.id] }) })).json();
      expect((await lead.fetch(`/v1/changes/${change.id ?? change.change?.id}/publish`, { method: 'POST', body: '{}' })).status).toBe(200);
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && !sink.received.some((mail) => mail.to.includes('ana@example.org'))) await new Promise((wait) => setTimeout(wait, 50));
      const mail = sink.received.filter((each) => each.to.includes('ana@example.org'));
      expect(mail).toHaveLength(1);
      expect(`${mail[0]?.subject} ${mail[0]?.text}`).toContain('Dark mode is here');
    } finally {
      await running.dispose();
      await sink.close();
    }
  }, 40_000);
});
