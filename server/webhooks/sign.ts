import { Webhook } from 'standardwebhooks';

/**
 * The Standard Webhooks headers for one attempt: `webhook-id` (the delivery's, the same on every
 * attempt so receivers can dedupe), `webhook-timestamp` (this attempt's, in seconds) and
 * `webhook-signature` (`v1,…`, HMAC-SHA256 by the `standardwebhooks` library).
 */
export function signedHeaders(secret: string, messageId: string, at: number, body: string): Record<string, string> {
  const timestamp = new Date(at);
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, timestamp, body),
  };
}
