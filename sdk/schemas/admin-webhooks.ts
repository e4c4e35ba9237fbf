import * as z from 'zod/mini';
import { SEGMENTS } from '../segment.ts';
import { intParam } from './admin-params.ts';
import { responseRecordSchema } from './admin-record.ts';
import { isoDateTime } from './formats.ts';
import { httpUrl } from './text.ts';

/**
 * What a webhook may subscribe to (SPEC §11): a response's first score, its completion, a change to
 * its follow-up, and a closed loop (sent once "changes" exist).
 */
export const WEBHOOK_EVENTS = ['response.scored', 'response.completed', 'follow_up.changed', 'loop.closed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** What a delivery carries: a subscribed event, or the "send test event" button's. */
export const WEBHOOK_DELIVERY_TYPES = [...WEBHOOK_EVENTS, 'webhook.test'] as const;
export type WebhookDeliveryType = (typeof WEBHOOK_DELIVERY_TYPES)[number];

/** `json`: the Standard Webhooks body `{ type, timestamp, data }`; `slack`: an incoming webhook's `{ text, blocks }`. */
export const WEBHOOK_FORMATS = ['json', 'slack'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** Where a delivery is: waiting (or retrying), received with a 2xx, given up on, or not sent (its webhook was disabled). */
export const DELIVERY_STATES = ['pending', 'delivered', 'failed', 'dropped'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

const events = z.array(z.enum(WEBHOOK_EVENTS)).check(
  z.minLength(1, { message: 'must name at least one event' }),
  z.refine((list) => new Set(list).size === list.length, { message: 'must not repeat an event' }),
);
/** `null`: every segment. */
const segments = z.nullable(
  z.array(z.enum(SEGMENTS)).check(
    z.minLength(1, { message: 'must name at least one segment, or be null for all' }),
    z.refine((list) => new Set(list).size === list.length, { message: 'must not repeat a segment' }),
  ),
);

/**
 * `POST /v1/webhooks` (admin). `advocacy: true` marks a referral, review or testimonial ask: it is
 * sent for promoters only, whatever `segments` says (SPEC §11's advocacy invariant).
 */
export const webhookCreateSchema = z.strictObject({
  url: httpUrl(),
  events,
  segments: z.optional(segments),
  /** @default false */
  advocacy: z.optional(z.boolean()),
  /** @default 'json' */
  format: z.optional(z.enum(WEBHOOK_FORMATS)),
});
export type WebhookCreate = z.output<typeof webhookCreateSchema>;

/** `PATCH /v1/webhooks/:id` (admin): `enabled: true` turns a disabled webhook back on. */
export const webhookChangeSchema = z
  .strictObject({
    url: z.optional(httpUrl()),
    events: z.optional(events),
    segments: z.optional(segments),
    advocacy: z.optional(z.boolean()),
    format: z.optional(z.enum(WEBHOOK_FORMATS)),
    enabled: z.optional(z.boolean()),
  })
  .check(z.refine((body) => Object.values(body).some((value) => value !== undefined), { message: 'needs at least one of url, events, segments, advocacy, format, enabled' }));
export type WebhookChange = z.output<typeof webhookChangeSchema>;

/** A webhook as the admin API shows it: never its secret. */
export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  format: z.enum(WEBHOOK_FORMATS),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  segments: z.nullable(z.array(z.enum(SEGMENTS))),
  advocacy: z.boolean(),
  createdBy: z.nullable(z.string()),
  createdAt: isoDateTime(),
  /** Set when an admin turned it off, the endpoint answered 410, or a day of attempts failed. */
  disabledAt: z.nullable(isoDateTime()),
  disabledReason: z.nullable(z.string()),
});
export type Webhook = z.output<typeof webhookSchema>;
export const webhookListSchema = z.object({ items: z.array(webhookSchema) });
/** The answer to `POST /v1/webhooks` (SPEC §11): its id and its signing secret `whsec_…`, shown this once. */
export const webhookCreatedSchema = z.object({ id: z.string(), secret: z.string(), webhook: webhookSchema });
/** `POST /v1/webhooks/:id/rotate`: the new secret, shown this once; the old one signs beside it for 24 h, then stops. */
export const webhookSecretSchema = z.object({ secret: z.string() });

/** One message to one webhook and how its attempts went. `id` is the `webhook-id` header, the same on every attempt. */
export const webhookDeliverySchema = z.object({
  id: z.string(),
  webhookId: z.string(),
  type: z.enum(WEBHOOK_DELIVERY_TYPES),
  state: z.enum(DELIVERY_STATES),
  attempts: z.int(),
  /** The last attempt's HTTP status; `null` when none answered (refused, timed out, unreachable). */
  lastStatus: z.nullable(z.int()),
  lastLatencyMs: z.nullable(z.int()),
  /** The start of the last answer's body, or why there was none; at most 500 characters. */
  lastExcerpt: z.nullable(z.string()),
  createdAt: isoDateTime(),
  deliveredAt: z.nullable(isoDateTime()),
});
export type WebhookDelivery = z.output<typeof webhookDeliverySchema>;
export const webhookDeliveryListSchema = z.object({ items: z.array(webhookDeliverySchema) });
export const webhookDeliveryAnswerSchema = z.object({ delivery: webhookDeliverySchema });

/** `GET /v1/webhooks/:id/deliveries` (admin): newest first. */
export const webhookDeliveriesQuerySchema = z.strictObject({
  state: z.optional(z.enum(DELIVERY_STATES)),
  /** @default 50 */
  limit: z.optional(intParam(1, 200)),
});

/** What a `json` webhook receives: the event, when it happened, and the response as the admin API shows it. */
export const webhookEventSchema = z.object({
  type: z.enum(WEBHOOK_DELIVERY_TYPES),
  timestamp: isoDateTime(),
  data: z.object({
    response: responseRecordSchema,
    /** For `follow_up.changed`: what the change set, and who made it. */
    change: z.optional(
      z.object({
        status: z.optional(z.string()),
        ownerId: z.optional(z.nullable(z.string())),
        owner: z.optional(z.nullable(z.string())),
        dueAt: z.optional(z.string()),
        by: z.object({ type: z.string(), id: z.nullable(z.string()), name: z.string() }),
      }),
    ),
  }),
});
export type WebhookEventBody = z.output<typeof webhookEventSchema>;
