import { randomBytes } from 'node:crypto';

/**
 * A new signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64, as
 * the `standardwebhooks` library (ours and the receiver's) reads it.
 */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
