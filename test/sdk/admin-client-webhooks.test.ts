import { describe, expect, it } from 'vitest';
import { createAdminClient, InvalidInputError, type WebhookCreate } from '../../sdk/index.ts';
import { failure } from '../helpers/failure.ts';

/** An injected fetch that records each request and answers with the next scripted status and body. */
function scripted(answers: [status: number, body: unknown][]) {
  const seen: { method: string; url: URL; body: string }[] = [];
  let index = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push({ method: request.method, url: new URL(request.url), body: await request.text() });
    const [status, body] = answers[Math.min(index++, answers.length - 1)] ?? [200, {}];
    return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const WEBHOOK = {
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
};
const DELIVERY = {
  id: 'msg_1',
  webhookId: 'wh1',
  type: 'webhook.test',
  state: 'delivered',
  attempts: 1,
  lastStatus: 200,
  lastLatencyMs: 12,
  lastExcerpt: 'ok',
  createdAt: '2026-12-01T10:00:00.000Z',
  deliveredAt: '2026-12-01T10:00:01.000Z',
};

describe('createAdminClient: webhooks (injected fetch)', () => {
  it('every webhook route: its method, path and body; answers parsed', async () => {
    const { fetch, seen } = scripted([
      [200, { items: [WEBHOOK] }],
      [201, { id: 'wh1', secret: 'whsec_abc', webhook: WEBHOOK }],
      [200, { ...WEBHOOK, disabledAt: '2026-12-01T11:00:00.000Z', disabledReason: 'turned off by an admin' }],
      [200, { secret: 'whsec_new' }],
      [200, { items: [DELIVERY] }],
      [202, { delivery: DELIVERY }],
      [202, { delivery: DELIVERY }],
      [204, null],
    ]);
    const admin = createAdminClient({ endpoint: 'https://c.example/', fetch });
    expect(await admin.webhooks()).toEqual([WEBHOOK]);
    expect((await admin.createWebhook({ url: WEBHOOK.url, events: ['response.scored'], advocacy: false, format: 'json' })).secret).toBe('whsec_abc');
    expect((await admin.updateWebhook('wh1', { enabled: false })).disabledReason).toBe('turned off by an admin');
    expect(await admin.rotateWebhookSecret('wh1')).toBe('whsec_new');
    expect(await admin.webhookDeliveries('wh1', { state: 'delivered', limit: 20 })).toEqual([DELIVERY]);
    expect(await admin.replayDelivery('wh1', 'msg_1')).toEqual(DELIVERY);
    expect(await admin.testWebhook('wh1')).toEqual(DELIVERY);
    await admin.deleteWebhook('wh1');
    expect(seen.map((request) => `${request.method} ${request.url.pathname}${request.url.search}`)).toEqual([
      'GET /v1/webhooks',
      'POST /v1/webhooks',
      'PATCH /v1/webhooks/wh1',
      'POST /v1/webhooks/wh1/rotate',
      'GET /v1/webhooks/wh1/deliveries?state=delivered&limit=20',
      'POST /v1/webhooks/wh1/deliveries/msg_1/replay',
      'POST /v1/webhooks/wh1/test',
      'DELETE /v1/webhooks/wh1',
    ]);
    expect(JSON.parse(seen[1]?.body ?? '')).toEqual({ url: WEBHOOK.url, events: ['response.scored'], advocacy: false, format: 'json' });
    expect(JSON.parse(seen[2]?.body ?? '')).toEqual({ enabled: false });
  });

  it('InvalidInputError naming the field, before any request', async () => {
    const { fetch, seen } = scripted([[200, {}]]);
    const admin = createAdminClient({ endpoint: 'https://c.example', fetch });
    const cases: [Promise<unknown>, string][] = [
      [admin.createWebhook({ url: 'https://hooks.example', events: [] }), 'events'],
      [admin.createWebhook({ url: 'ftp://hooks.example', events: ['response.scored'] }), 'url'],
      [admin.createWebhook({ url: 'https://hooks.example', events: ['response.scored'], format: 'xml' } as unknown as WebhookCreate), 'format'],
      [admin.updateWebhook('wh1', {}), '(root)'],
      [admin.updateWebhook('', { enabled: true }), '(root)'],
      [admin.webhookDeliveries('wh1', { limit: 0 }), 'limit'],
      [admin.replayDelivery('wh1', ''), '(root)'],
    ];
    for (const [promise, path] of cases) {
      const error = await failure(promise);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues.map((issue) => issue.path), path).toContain(path);
    }
    expect(seen).toEqual([]);
  });

  it('an answer other than 2xx is an HttpError with its code', async () => {
    const { fetch } = scripted([[409, { error: { code: 'webhook_disabled', message: 'the webhook is turned off' } }]]);
    const admin = createAdminClient({ endpoint: 'https://c.example', fetch });
    expect(await failure(admin.testWebhook('wh1'))).toMatchObject({ name: 'HttpError', status: 409 });
  });
});
