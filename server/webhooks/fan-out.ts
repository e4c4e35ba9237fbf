import { randomUUID } from 'node:crypto';
import type { Segment, WebhookEvent, WebhookEventBody } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { select } from '../db/rows.ts';
import { enqueue } from '../jobs/index.ts';
import { webhookMatches } from './matches.ts';
import { webhookRowSchema } from './webhook-row.ts';

/** The job kind that sends one delivery. */
export const DELIVER_KIND = 'webhook.deliver';
/**
 * Attempts a delivery's job gets: more than a day's worth at the queue's backoff (at most an hour
 * apart), so it is the 24-hour window ({@link RETRY_WINDOW_MS}) that ends the retries, not the count.
 */
export const DELIVER_MAX_ATTEMPTS = 100;

/** A new `webhook-id`: `msg_` and 128 random bits, as Standard Webhooks names messages. */
export const messageId = () => `msg_${randomUUID().replaceAll('-', '')}`;

/** One event to fan out to a team's webhooks. */
export interface FanOutEvent {
  teamId: string;
  type: WebhookEvent;
  data: WebhookEventBody['data'];
  segment: Segment;
  /** When it happened (epoch ms): the body's `timestamp`, and when its deliveries were made. */
  at: number;
  /** The event's own key (its job's): the same event fanned out twice makes no second delivery. */
  key: string;
  /** The site it happened on (the jobs admin lists a site's deliveries). */
  siteId?: string | null;
}

/**
 * Adds a delivery, and a job that sends it, for each of the team's webhooks the event matches,
 * through `tx`, the transaction of the write (or the event job) that causes it. Idempotent by
 * `event.key`: a delivery per (webhook, event) at most. Returns the deliveries it added.
 */
export async function fanOut(tx: Driver, event: FanOutEvent): Promise<string[]> {
  const webhooks = await select(tx, webhookRowSchema, 'webhooks', 'SELECT * FROM webhooks WHERE team_id = ? AND disabled_at IS NULL ORDER BY created_at, id', [event.teamId]);
  const body: WebhookEventBody = { type: event.type, timestamp: new Date(event.at).toISOString(), data: event.data };
  const added: string[] = [];
  for (const webhook of webhooks) {
    if (!webhookMatches(webhook, event.type, event.segment)) continue;
    const id = await addDelivery(tx, { webhookId: webhook.id, key: event.key, type: event.type, body, at: event.at, siteId: event.siteId ?? null });
    if (id) added.push(id);
  }
  return added;
}

/** A delivery row and its job; `undefined` when this webhook has this event's delivery already. */
export async function addDelivery(
  tx: Driver,
  delivery: { webhookId: string; key: string; type: WebhookEventBody['type']; body: WebhookEventBody; at: number; siteId: string | null },
): Promise<string | undefined> {
  const id = messageId();
  const { changes } = await tx.run(
    `INSERT INTO webhook_deliveries (id, webhook_id, event_key, event_type, payload, state, attempts, created_at)
     VALUES (?, ?, ?, ?, ?, 'pending', 0, ?)
     ON CONFLICT (webhook_id, event_key) DO NOTHING`,
    [id, delivery.webhookId, delivery.key, delivery.type, JSON.stringify(delivery.body), delivery.at],
  );
  if (changes === 0) return undefined;
  await enqueueDelivery(tx, id, `${id}:first`, delivery.siteId, delivery.at);
  return id;
}

/** The job that sends delivery `id`; `key` tells one sending (the first, a replay) from another. */
export function enqueueDelivery(tx: Driver, id: string, key: string, siteId: string | null, at: number): Promise<boolean> {
  return enqueue(tx, { kind: DELIVER_KIND, key, siteId, payload: { deliveryId: id }, maxAttempts: DELIVER_MAX_ATTEMPTS }, at);
}
