import { describe, expect, it } from 'vitest';
import { createWebhookForm } from '../../app/models/webhooks-form.ts';
import { createWebhookLog, WATCH } from '../../app/models/webhooks-log.ts';
import { createWebhooks } from '../../app/models/webhooks.ts';
import type { Webhook, WebhookCreate, WebhookDelivery } from '../../sdk/index.ts';
import { deferred, httpError, recorder } from './fakes.ts';

const webhook = (overrides: Partial<Webhook> = {}): Webhook => ({
  id: 'wh1',
  url: 'https://hooks.example/in',
  format: 'json',
  events: ['response.scored'],
  segments: null,
  advocacy: false,
  createdBy: 'user-1',
  createdAt: '2026-12-01T10:00:00.000Z',
  disabledAt: null,
  disabledReason: null,
  ...overrides,
});
const delivery = (overrides: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
  id: 'msg_1',
  webhookId: 'wh1',
  type: 'webhook.test',
  state: 'pending',
  attempts: 0,
  lastStatus: null,
  lastLatencyMs: null,
  lastExcerpt: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  deliveredAt: null,
  ...overrides,
});

describe('webhook form', () => {
  it('sends what was chosen (segments null for all, the ticked ones otherwise), then empties the URL and hands over the secret', async () => {
    const { calls, record } = recorder();
    const handed: string[] = [];
    const form = createWebhookForm({
      client: { createWebhook: record('create', async (body: WebhookCreate) => ({ id: 'wh2', secret: 'whsec_x', webhook: webhook({ id: 'wh2', url: body.url }) })) },
      onCreated: (created) => handed.push(created.secret),
    });
    form.url.value = ' https://hooks.example/a ';
    form.setEvent('follow_up.changed', true);
    form.setEvent('response.scored', false);
    form.setAllSegments(false);
    form.setSegment('detractor', true);
    form.setSegment('passive', true);
    form.setSegment('passive', false);
    form.format.value = 'slack';
    await form.create();
    form.setAllSegments(true);
    form.url.value = 'https://hooks.example/b';
    form.advocacy.value = true;
    await form.create();
    expect(calls).toEqual([
      ['create', [{ url: 'https://hooks.example/a', events: ['follow_up.changed'], segments: ['detractor'], format: 'slack', advocacy: false }]],
      ['create', [{ url: 'https://hooks.example/b', events: ['follow_up.changed'], segments: null, format: 'slack', advocacy: true }]],
    ]);
    expect(handed).toEqual(['whsec_x', 'whsec_x']);
    expect(form.url.value).toBe('');
    expect(form.advocacy.value).toBe(false);
  });

  it('a refused URL is the form’s failure, with the collector’s issues; nothing is handed over', async () => {
    const handed: unknown[] = [];
    const form = createWebhookForm({ client: { createWebhook: () => Promise.reject(httpError(400, 'invalid_webhook')) }, onCreated: (created) => handed.push(created) });
    form.url.value = 'https://10.0.0.1/';
    await form.create();
    expect(form.failure.value).toMatchObject({ kind: 'http', status: 400, code: 'invalid_webhook' });
    expect(form.url.value).toBe('https://10.0.0.1/');
    expect(handed).toEqual([]);
  });
});

describe('webhooks', () => {
  it('loads each one’s last delivery; the secret shows once; off and on; rotate; delete only after confirming', async () => {
    const { calls, record } = recorder();
    const off = webhook({ disabledAt: '2026-12-01T11:00:00.000Z', disabledReason: 'turned off by an admin' });
    const list = createWebhooks({
      client: {
        webhooks: async () => [webhook()],
        webhookDeliveries: async () => [delivery({ state: 'failed' })],
        updateWebhook: record('update', async (_id: string, change: { enabled?: boolean }) => (change.enabled ? webhook() : off)),
        rotateWebhookSecret: record('rotate', async () => 'whsec_new'),
        deleteWebhook: record('delete', async () => undefined),
      },
    });
    await list.load();
    expect(list.last.value.get('wh1')?.state).toBe('failed');
    list.created({ webhook: webhook({ id: 'wh2' }), secret: 'whsec_first' });
    expect(list.items.value.map((item) => item.id)).toEqual(['wh2', 'wh1']);
    expect(list.secret.value).toMatchObject({ webhookId: 'wh2', secret: 'whsec_first', rotated: false });
    expect(list.last.value.get('wh2')).toBeNull();
    list.dismissSecret();
    expect(list.secret.value).toBeUndefined();
    await list.setEnabled('wh1', false);
    expect(list.items.value[1]?.disabledReason).toBe('turned off by an admin');
    await list.setEnabled('wh1', true);
    expect(list.items.value[1]?.disabledAt).toBeNull();
    await list.rotate('wh1');
    expect(list.secret.value).toMatchObject({ webhookId: 'wh1', secret: 'whsec_new', rotated: true });
    list.askDelete('wh1');
    list.cancelDelete();
    await list.confirmDelete();
    expect(calls.map(([name]) => name)).toEqual(['update', 'update', 'rotate']);
    list.askDelete('wh1');
    await list.confirmDelete();
    expect(calls.at(-1)).toEqual(['delete', ['wh1']]);
    expect(list.items.value.map((item) => item.id)).toEqual(['wh2']);
    expect(list.secret.value).toBeUndefined();
  });

  it('a failed delete keeps the webhook and says why', async () => {
    const list = createWebhooks({
      client: { webhooks: async () => [webhook()], webhookDeliveries: async () => [], updateWebhook: async () => webhook(), rotateWebhookSecret: async () => '', deleteWebhook: () => Promise.reject(httpError(404, 'not_found')) },
    });
    await list.load();
    expect(list.last.value.get('wh1')).toBeNull();
    list.askDelete('wh1');
    await list.confirmDelete();
    expect(list.items.value).toHaveLength(1);
    expect(list.failure.value).toMatchObject({ status: 404 });
    expect(list.confirmingDelete.value).toBeUndefined();
  });
});

describe('webhooks, a slow list', () => {
  it('a list that answers after a webhook was made here does not hide it', async () => {
    const slow = deferred<Webhook[]>();
    const list = createWebhooks({ client: { webhooks: () => slow.promise, webhookDeliveries: async () => [], updateWebhook: async () => webhook(), rotateWebhookSecret: async () => '', deleteWebhook: async () => undefined } });
    const loading = list.load();
    list.created({ webhook: webhook({ id: 'wh-new' }), secret: 'whsec_n' });
    slow.resolve([webhook()]);
    await loading;
    expect(list.items.value.map((item) => item.id)).toEqual(['wh-new', 'wh1']);
  });
});

describe('webhook log', () => {
  it('a test event shows as pending, then the log is read again until it is delivered; the newest is told to the list', async () => {
    const answers = [[], [delivery()], [delivery({ state: 'delivered', attempts: 1, lastStatus: 200, lastLatencyMs: 9 })]];
    let reads = 0;
    const sleeps: number[] = [];
    const latest: string[] = [];
    const log = createWebhookLog({
      client: { webhookDeliveries: async () => answers[Math.min(reads++, answers.length - 1)] ?? [], testWebhook: async () => delivery(), replayDelivery: async () => delivery({ id: 'msg_2' }) },
      webhookId: 'wh1',
      sleep: async (ms) => void sleeps.push(ms),
      onLatest: (item) => latest.push(item.state),
    });
    await log.load();
    expect(log.items.value).toEqual([]);
    await log.sendTest();
    expect(log.items.value.map((item) => item.state)).toEqual(['delivered']);
    expect(sleeps).toEqual([WATCH.everyMs, WATCH.everyMs]);
    expect(latest).toEqual(['pending', 'pending', 'delivered']);
  });

  it('stops reading after a bounded number of tries when a delivery stays pending', async () => {
    let reads = 0;
    const log = createWebhookLog({
      client: { webhookDeliveries: async () => (reads++, [delivery()]), testWebhook: async () => delivery(), replayDelivery: async () => delivery() },
      webhookId: 'wh1',
      sleep: async () => undefined,
    });
    await log.load();
    expect(reads).toBe(1 + WATCH.times);
  });

  it('a replay refused with 409 is the log’s failure and the log stays', async () => {
    const log = createWebhookLog({
      client: { webhookDeliveries: async () => [delivery({ state: 'failed' })], testWebhook: async () => delivery(), replayDelivery: () => Promise.reject(httpError(409, 'webhook_disabled')) },
      webhookId: 'wh1',
      sleep: async () => undefined,
    });
    await log.load();
    await log.replay('msg_1');
    expect(log.failure.value).toMatchObject({ status: 409, code: 'webhook_disabled' });
    expect(log.items.value.map((item) => item.state)).toEqual(['failed']);
  });
});
