import { describe, expect, it } from 'vitest';
import { createAlertRecipients, splitAddresses } from '../../app/models/alert-recipients.ts';
import { createMailPreferences } from '../../app/models/mail-preferences.ts';
import { createOutbox } from '../../app/models/outbox.ts';
import type { MailPreferences, OutboxMail, OutboxQuery } from '../../sdk/index.ts';
import { deferred, httpError, recorder } from './fakes.ts';

const mail = (overrides: Partial<OutboxMail> = {}): OutboxMail => ({
  id: 'm1',
  kind: 'new-detractor',
  to: 'ada@shop.example',
  replyTo: null,
  subject: 'A detractor answered',
  text: 'Score 2',
  html: '<p>Score 2</p>',
  responseId: null,
  state: 'kept',
  error: 'not sent: no SMTP server configured',
  createdAt: '2026-12-01T10:00:00.000Z',
  sentAt: null,
  ...overrides,
});

describe('outbox', () => {
  it('loads newest first as answered; filtering by state asks again, and only the latest answer shows', async () => {
    const slow = deferred<OutboxMail[]>();
    const { calls, record } = recorder();
    let first = true;
    const outbox = createOutbox({
      client: {
        outbox: record('outbox', (query?: OutboxQuery) => {
          if (first) return (first = false), slow.promise;
          return Promise.resolve(query?.state === 'failed' ? [mail({ id: 'm2', state: 'failed', error: '550 no such user' })] : []);
        }),
      },
    });
    const loading = outbox.load();
    await outbox.filter('failed');
    slow.resolve([mail()]);
    await loading;
    expect(outbox.items.value.map((item) => item.id)).toEqual(['m2']);
    expect(calls).toEqual([
      ['outbox', [{ limit: 100 }]],
      ['outbox', [{ limit: 100, state: 'failed' }]],
    ]);
    outbox.toggle('m2');
    expect(outbox.open.value).toBe('m2');
    outbox.toggle('m2');
    expect(outbox.open.value).toBeUndefined();
  });
});

describe('mail preferences', () => {
  it('a toggle shows at once and saves the whole set; a failed save puts it back', async () => {
    const { calls, record } = recorder();
    let refuse = false;
    const model = createMailPreferences({
      client: {
        mailPreferences: async () => ({ newDetractor: true, digest: true, reminders: true }),
        setMailPreferences: record('set', async (next: MailPreferences) => (refuse ? Promise.reject(httpError(500, 'internal')) : next)),
      },
    });
    await model.set('digest', false);
    expect(calls).toEqual([]);
    await model.load();
    await model.set('digest', false);
    expect(model.preferences.value).toEqual({ newDetractor: true, digest: false, reminders: true });
    expect(model.saved.value).toBe('digest');
    refuse = true;
    await model.set('reminders', false);
    expect(model.preferences.value?.reminders).toBe(true);
    expect(model.saveFailure.value).toMatchObject({ status: 500 });
    expect(calls.map(([, args]) => args[0])).toEqual([
      { newDetractor: true, digest: false, reminders: true },
      { newDetractor: true, digest: false, reminders: false },
    ]);
  });
});

describe('alert recipients', () => {
  it('splits what was typed; the admins are null; a list shows one address a line', async () => {
    expect(splitAddresses(' a@x.example, b@x.example;\nc@x.example  ')).toEqual(['a@x.example', 'b@x.example', 'c@x.example']);
    const { calls, record } = recorder();
    const model = createAlertRecipients({
      client: { alertRecipients: async () => ({ emails: null }), setAlertRecipients: record('set', async (body: { emails: string[] | null }) => body) },
    });
    await model.load();
    expect(model.mode.value).toBe('admins');
    model.mode.value = 'list';
    model.text.value = 'team@shop.example, sam@shop.example';
    await model.save();
    expect(model.text.value).toBe('team@shop.example\nsam@shop.example');
    expect(model.saved.value).toBe(true);
    model.mode.value = 'admins';
    await model.save();
    expect(calls.map(([, args]) => args[0])).toEqual([{ emails: ['team@shop.example', 'sam@shop.example'] }, { emails: null }]);
  });

  it('a refused address is the save’s failure and what was typed stays', async () => {
    const model = createAlertRecipients({ client: { alertRecipients: async () => ({ emails: null }), setAlertRecipients: () => Promise.reject(httpError(400, 'invalid_recipients')) } });
    model.mode.value = 'list';
    model.text.value = 'not-an-address';
    await model.save();
    expect(model.saveFailure.value).toMatchObject({ status: 400 });
    expect(model.text.value).toBe('not-an-address');
    expect(model.saved.value).toBe(false);
  });
});
