import { Webhook } from 'standardwebhooks';

/**
 * The Standard Webhooks headers for one attempt: `webhook-id` (the delivery's, the same on every
 * attempt so receivers can dedupe), `webhook-timestamp` (this attempt's, in seconds) and
 * `webhook-signature`: `v1,…` (HMAC-SHA256 by the `standardwebhooks` library) for each secret,
 * space-separated, so a receiver still on the secret before a rotation verifies too.
 */
export function signedHeaders(secrets: readonly string[], messageId: string, at: number, body: string): Record<string, string> {
  const timestamp = new Date(at);
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body)).join(' '),
  };
}
