import * as z from 'zod/mini';
import { DELIVERY_STATES, SEGMENTS, WEBHOOK_DELIVERY_TYPES, WEBHOOK_EVENTS, WEBHOOK_FORMATS, type Webhook, type WebhookDelivery } from '../../sdk/index.ts';
import { flag, int, jsonText, nullableInt } from '../db/rows.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A webhook as the store holds it: the API's view, with its team and signing secret. */
export type StoredWebhook = Webhook & {
  teamId: string;
  secret: string;
  /** The secret before the last rotation, and until when it still signs (epoch ms) beside the new one. */
  previous: { secret: string; until: number } | null;
};

/** A row of `webhooks` as both engines hand it back. */
export const webhookRowSchema = z.pipe(
  z.object({
    id: z.string(),
    team_id: z.string(),
    url: z.string(),
    format: z.enum(WEBHOOK_FORMATS),
    events: jsonText(z.array(z.enum(WEBHOOK_EVENTS))),
    segments: z.nullable(jsonText(z.array(z.enum(SEGMENTS)))),
    advocacy: flag,
    secret: z.string(),
    previous_secret: z.nullable(z.string()),
    previous_secret_until: nullableInt,
    created_by: z.nullable(z.string()),
    created_at: int,
    disabled_at: nullableInt,
    disabled_reason: z.nullable(z.string()),
  }),
  z.transform(
    (row): StoredWebhook => ({
      id: row.id,
      teamId: row.team_id,
      url: row.url,
      format: row.format,
      events: row.events,
      segments: row.segments,
      advocacy: row.advocacy,
      secret: row.secret,
      previous: row.previous_secret !== null && row.previous_secret_until !== null ? { secret: row.previous_secret, until: row.previous_secret_until } : null,
      createdBy: row.created_by,
      createdAt: new Date(row.created_at).toISOString(),
      disabledAt: iso(row.disabled_at),
      disabledReason: row.disabled_reason,
    }),
  ),
);

/** The API's view of a webhook: without its team and, above all, its secret. */
export const webhookView = ({ teamId: _team, secret: _secret, previous: _previous, ...webhook }: StoredWebhook): Webhook => webhook;

/** A delivery as the store holds it: the log's view, and the body it sends. */
export type StoredDelivery = WebhookDelivery & { payload: unknown; createdMs: number };

/** A row of `webhook_deliveries` as both engines hand it back. */
export const deliveryRowSchema = z.pipe(
  z.object({
    id: z.string(),
    webhook_id: z.string(),
    event_key: z.string(),
    event_type: z.enum(WEBHOOK_DELIVERY_TYPES),
    payload: jsonText(z.unknown()),
    state: z.enum(DELIVERY_STATES),
    attempts: int,
    last_status: nullableInt,
    last_latency_ms: nullableInt,
    last_excerpt: z.nullable(z.string()),
    created_at: int,
    delivered_at: nullableInt,
  }),
  z.transform(
    (row): StoredDelivery => ({
      id: row.id,
      webhookId: row.webhook_id,
      type: row.event_type,
      state: row.state,
      attempts: row.attempts,
      lastStatus: row.last_status,
      lastLatencyMs: row.last_latency_ms,
      lastExcerpt: row.last_excerpt,
      createdAt: new Date(row.created_at).toISOString(),
      deliveredAt: iso(row.delivered_at),
      payload: row.payload,
      createdMs: row.created_at,
    }),
  ),
);

/** The delivery log's view of a delivery: without its body. */
export const deliveryView = ({ payload: _payload, createdMs: _created, ...delivery }: StoredDelivery): WebhookDelivery => delivery;
