import * as z from 'zod/mini';
import { webhookEventSchema } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { selectOne } from '../db/rows.ts';
import { PermanentJobError, type JobHandler } from '../jobs/index.ts';
import { disableWebhook, type DisabledNotice } from './disable.ts';
import type { Sender } from './send.ts';
import { signedHeaders } from './sign.ts';
import { slackMessage } from './slack-format.ts';
import { deliveryRowSchema, webhookRowSchema, type StoredDelivery, type StoredWebhook } from './webhook-row.ts';

/** How long a delivery is retried before it is given up and its webhook disabled (SPEC §11: ~24 h). */
export const RETRY_WINDOW_MS = 24 * 3_600_000;

/** What the delivery handler needs from the world. */
export interface DeliverDeps {
  db: Driver;
  send: Sender;
  /** @default Date.now */
  now?: () => number;
  /** @default RETRY_WINDOW_MS */
  retryWindowMs?: number;
}

const payloadSchema = z.object({ deliveryId: z.string() });

/** A failed attempt the queue retries with backoff: its message is the answer the log shows. */
export class DeliveryAttemptError extends Error {
  override readonly name = 'DeliveryAttemptError' as const;
}

/**
 * The `webhook.deliver` handler: signs and sends one delivery, and records the attempt (status,
 * latency, the answer's start). A 2xx delivers it; a 410 disables the webhook; anything else (a
 * 3xx too: redirects are never followed) is retried by the queue until the window since this
 * sending was queued is over, and then the webhook is disabled and its admins told. At least once:
 * a runner that dies mid-request leaves the job to the next, which sends the same `webhook-id`.
 */
export function deliverHandler(deps: DeliverDeps): JobHandler {
  const now = deps.now ?? Date.now;
  const windowMs = deps.retryWindowMs ?? RETRY_WINDOW_MS;
  const { db } = deps;

  return async (payload, context) => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError('a webhook.deliver job needs { deliveryId }');
    const delivery = await selectOne(db, deliveryRowSchema, 'webhook_deliveries', 'SELECT * FROM webhook_deliveries WHERE id = ?', [parsed.data.deliveryId]);
    // Deleted with its webhook, or settled by an earlier run of this same job: nothing to send.
    if (!delivery || delivery.state !== 'pending') return;
    const webhook = await selectOne(db, webhookRowSchema, 'webhooks', 'SELECT * FROM webhooks WHERE id = ?', [delivery.webhookId]);
    if (!webhook) return;
    if (webhook.disabledAt !== null) {
      await db.run("UPDATE webhook_deliveries SET state = 'dropped' WHERE id = ? AND state = 'pending'", [delivery.id]);
      return;
    }
    const body = bodyOf(webhook, delivery);
    const sentAt = now();
    const secrets = webhook.previous && webhook.previous.until > sentAt ? [webhook.secret, webhook.previous.secret] : [webhook.secret];
    const answer = await deps.send({ url: webhook.url, headers: signedHeaders(secrets, delivery.id, sentAt, body), body }, context.signal);
    // Stopping: the job goes back to the queue untouched, and the next runner sends it again.
    if (context.signal.aborted) throw new DeliveryAttemptError('the collector stopped during the attempt');

    const at = now();
    const status = answer.status;
    const delivered = status !== null && status >= 200 && status < 300;
    const gone = status === 410;
    const final = gone || at - context.job.createdAt >= windowMs || context.attempt >= context.job.maxAttempts;
    const state = delivered ? 'delivered' : final ? 'failed' : 'pending';
    await db.transaction(async (tx) => {
      await tx.run(
        'UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = ?, last_latency_ms = ?, last_excerpt = ?, state = ?, delivered_at = ? WHERE id = ?',
        [status, answer.latencyMs, answer.excerpt, state, delivered ? at : null, delivery.id],
      );
      if (delivered || !final) return;
      const notice: DisabledNotice = {
        teamId: webhook.teamId,
        webhookId: webhook.id,
        url: webhook.url,
        reason: gone ? 'the endpoint answered 410 Gone' : `deliveries failed for ${Math.round(windowMs / 3_600_000)} hours (last: ${status ?? answer.excerpt})`,
      };
      await disableWebhook(tx, notice, at);
    });
    if (!delivered && !final) throw new DeliveryAttemptError(status === null ? answer.excerpt : `the endpoint answered ${status}`);
  };
}

/** The bytes a delivery sends: the stored event itself (json), or that event as a Slack message. */
function bodyOf(webhook: StoredWebhook, delivery: StoredDelivery): string {
  if (webhook.format === 'json') return JSON.stringify(delivery.payload);
  const event = webhookEventSchema.safeParse(delivery.payload);
  if (!event.success) throw new PermanentJobError(`delivery ${delivery.id} holds no webhook event`);
  return JSON.stringify(slackMessage(event.data));
}
