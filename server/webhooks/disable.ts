import type { Driver } from '../db/driver.ts';
import { enqueue } from '../jobs/index.ts';

/** The job kind that tells a team's admins a webhook was turned off. */
export const DISABLED_KIND = 'webhook.disabled';

/** What the `webhook.disabled` job carries. */
export interface DisabledNotice {
  teamId: string;
  webhookId: string;
  url: string;
  reason: string;
}

/**
 * Turns a webhook off for `reason` (the endpoint is gone, or a day of attempts failed) and, in the
 * same transaction, queues the notice to its team's admins: the notice is as durable as the change,
 * and sent once. `false` when it was off already (nothing changes, nobody is told twice).
 */
export async function disableWebhook(tx: Driver, notice: DisabledNotice, at: number): Promise<boolean> {
  const { changes } = await tx.run('UPDATE webhooks SET disabled_at = ?, disabled_reason = ? WHERE id = ? AND disabled_at IS NULL', [at, notice.reason, notice.webhookId]);
  if (changes === 0) return false;
  await enqueue(tx, { kind: DISABLED_KIND, key: `${notice.webhookId}:${at}`, payload: notice }, at);
  return true;
}
