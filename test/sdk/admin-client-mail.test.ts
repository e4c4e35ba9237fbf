import { describe, expect, it } from 'vitest';
import { createAdminClient, InvalidInputError, type MailPreferences, type OutboxQuery } from '../../sdk/index.ts';
import { failure } from '../helpers/failure.ts';

/** An injected fetch that records each request and answers with the next scripted body. */
function scripted(bodies: unknown[]) {
  const seen: { method: string; url: URL; body: string }[] = [];
  let index = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push({ method: request.method, url: new URL(request.url), body: await request.text() });
    return new Response(JSON.stringify(bodies[Math.min(index++, bodies.length - 1)]), { headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const MAIL = {
  id: 'm1',
  kind: 'reply',
  to: 'kim@customer.example',
  replyTo: 'max@shop.example',
  subject: 'Hi',
  text: 'Hello',
  html: '<p>Hello</p>',
  responseId: 'r1',
  state: 'queued',
  error: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  sentAt: null,
};
const PREFERENCES: MailPreferences = { newDetractor: true, digest: false, reminders: true };

describe('createAdminClient: mail (injected fetch)', () => {
  it('reply, outbox, preferences and alert recipients: their routes, methods and bodies; answers parsed', async () => {
    const { fetch, seen } = scripted([{ mail: MAIL }, { items: [MAIL] }, PREFERENCES, PREFERENCES, { emails: null }, { emails: ['a@shop.example'] }]);
    const admin = createAdminClient({ endpoint: 'https://c.example/', token: 'sk_x', fetch });
    expect(await admin.reply('r1', { subject: 'Hi', body: 'Hello' })).toEqual(MAIL);
    expect(await admin.outbox({ state: 'kept', limit: 10 })).toEqual([MAIL]);
    expect(await admin.mailPreferences()).toEqual(PREFERENCES);
    expect(await admin.setMailPreferences(PREFERENCES)).toEqual(PREFERENCES);
    expect(await admin.alertRecipients()).toEqual({ emails: null });
    expect(await admin.setAlertRecipients({ emails: ['a@shop.example'] })).toEqual({ emails: ['a@shop.example'] });
    expect(seen.map((request) => `${request.method} ${request.url.pathname}${request.url.search}`)).toEqual([
      'POST /v1/responses/r1/reply',
      'GET /v1/outbox?state=kept&limit=10',
      'GET /v1/me/mail-preferences',
      'PUT /v1/me/mail-preferences',
      'GET /v1/team/alert-recipients',
      'PATCH /v1/team/alert-recipients',
    ]);
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ subject: 'Hi', body: 'Hello' });
    expect(JSON.parse(seen[5]?.body ?? '')).toEqual({ emails: ['a@shop.example'] });
  });

  it('InvalidInputError naming the field, before any request', async () => {
    const { fetch, seen } = scripted([{}]);
    const admin = createAdminClient({ endpoint: 'https://c.example', token: 'sk_x', fetch });
    const cases: [Promise<unknown>, string][] = [
      [admin.reply('r1', { subject: '', body: 'x' }), 'subject'],
      [admin.reply('', { subject: 'x', body: 'x' }), '(root)'],
      [admin.outbox({ state: 'lost' } as unknown as OutboxQuery), 'state'],
      [admin.setMailPreferences({ newDetractor: true, digest: true } as MailPreferences), 'reminders'],
      [admin.setAlertRecipients({ emails: ['nope'] }), 'emails.0'],
    ];
    for (const [promise, path] of cases) {
      const error = await failure(promise);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues.map((issue) => issue.path), path).toContain(path);
    }
    expect(seen).toEqual([]);
  });
});
