import * as z from 'zod/mini';
import type { TeamTransport } from './admin-team-api.ts';
import { toParams } from './schemas/admin-params.ts';
import {
  webhookChangeSchema,
  webhookCreatedSchema,
  webhookCreateSchema,
  webhookDeliveriesQuerySchema,
  webhookDeliveryAnswerSchema,
  webhookDeliveryListSchema,
  webhookListSchema,
  webhookSchema,
  webhookSecretSchema,
  type DeliveryState,
  type Webhook,
  type WebhookChange,
  type WebhookCreate,
  type WebhookDelivery,
} from './schemas/admin-webhooks.ts';
import { parseOrThrow } from './validate.ts';

/** Filters of a webhook's delivery log. */
export interface WebhookDeliveriesQuery {
  state?: DeliveryState;
  /** @default 50 */
  limit?: number;
}

/** The team's webhooks (SPEC §11), all of them admin only. */
export interface AdminWebhooksApi {
  /** The team's webhooks, never their secrets. */
  webhooks(): Promise<Webhook[]>;
  /** The webhook and its signing secret `whsec_…`, which is never shown again. `HttpError` 400 names a URL that may not be called. */
  createWebhook(webhook: WebhookCreate): Promise<{ id: string; secret: string; webhook: Webhook }>;
  /** Changes it; `{ enabled: false }` turns it off, `{ enabled: true }` back on. */
  updateWebhook(id: string, change: WebhookChange): Promise<Webhook>;
  deleteWebhook(id: string): Promise<void>;
  /** A new secret, shown this once; the old one keeps signing beside it for 24 h. */
  rotateWebhookSecret(id: string): Promise<string>;
  /** Its deliveries, newest first. */
  webhookDeliveries(id: string, query?: WebhookDeliveriesQuery): Promise<WebhookDelivery[]>;
  /** Sends a delivery again (as a new delivery); `HttpError` 409 while it is still pending or the webhook is off. */
  replayDelivery(id: string, deliveryId: string): Promise<WebhookDelivery>;
  /** Queues a sample `webhook.test` event; `HttpError` 409 when the webhook is off. */
  testWebhook(id: string): Promise<WebhookDelivery>;
}

const idSchema = z.string().check(z.minLength(1, { message: 'must not be empty' }), z.maxLength(200));

/** The webhook methods of the admin client, on its transport. */
export function webhooksApi({ endpoint, json, send }: TeamTransport): AdminWebhooksApi {
  const path = (id: string) => `${endpoint}/v1/webhooks/${encodeURIComponent(parseOrThrow(idSchema, id, 'webhook id'))}`;
  return {
    webhooks: async () => (await json(`${endpoint}/v1/webhooks`, webhookListSchema)).items,
    createWebhook: async (webhook) => json(`${endpoint}/v1/webhooks`, webhookCreatedSchema, { method: 'post', json: parseOrThrow(webhookCreateSchema, webhook, 'webhook') }),
    updateWebhook: async (id, change) => json(path(id), webhookSchema, { method: 'patch', json: parseOrThrow(webhookChangeSchema, change, 'webhook change') }),
    async deleteWebhook(id) {
      await (await send(path(id), { method: 'delete' })).body?.cancel();
    },
    rotateWebhookSecret: async (id) => (await json(`${path(id)}/rotate`, webhookSecretSchema, { method: 'post' })).secret,
    async webhookDeliveries(id, query = {}) {
      const params = toParams({ state: query.state, limit: query.limit });
      parseOrThrow(webhookDeliveriesQuerySchema, params, 'deliveries query');
      const search = new URLSearchParams(params).toString();
      return (await json(`${path(id)}/deliveries${search ? `?${search}` : ''}`, webhookDeliveryListSchema)).items;
    },
    async replayDelivery(id, deliveryId) {
      const delivery = encodeURIComponent(parseOrThrow(idSchema, deliveryId, 'delivery id'));
      return (await json(`${path(id)}/deliveries/${delivery}/replay`, webhookDeliveryAnswerSchema, { method: 'post' })).delivery;
    },
    testWebhook: async (id) => (await json(`${path(id)}/test`, webhookDeliveryAnswerSchema, { method: 'post' })).delivery,
  };
}
