import { mayAskForAdvocacy, type Segment, type WebhookDeliveryType } from '../../sdk/index.ts';
import type { StoredWebhook } from './webhook-row.ts';

/**
 * Whether a webhook acts on an event of `type` for a response of `segment`: enabled, subscribed to
 * the event, and of the segments it names (all when `null`). An advocacy webhook (a referral,
 * review or testimonial ask) acts for promoters only, whatever its segments say: the advocacy
 * invariant of SPEC §11, in the one place every event passes.
 */
export function webhookMatches(webhook: Pick<StoredWebhook, 'events' | 'segments' | 'advocacy' | 'disabledAt'>, type: WebhookDeliveryType, segment: Segment): boolean {
  if (webhook.disabledAt !== null) return false;
  if (type !== 'webhook.test' && !webhook.events.includes(type)) return false;
  if (webhook.advocacy && !mayAskForAdvocacy(segment)) return false;
  return webhook.segments === null || webhook.segments.includes(segment);
}
