import { randomUUID } from 'node:crypto';
import type { DeliveryState, Webhook, WebhookChange, WebhookCreate, WebhookDelivery, WebhookEventBody } from '../../sdk/index.ts';
import type { Driver, SqlValue } from '../db/driver.ts';
import { select, selectOne } from '../db/rows.ts';
import { addDelivery, enqueueDelivery } from './fan-out.ts';
import { newWebhookSecret } from './secret.ts';
import { deliveryRowSchema, deliveryView, webhookRowSchema, webhookView, type StoredWebhook } from './webhook-row.ts';

/** How long a rotated-out secret still signs beside the new one. @default 24 h */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

/** A team's webhooks and their delivery logs (SPEC §11). Another team's webhook is `undefined`: for them it does not exist. */
export interface WebhooksStore {
  /** The new webhook and its secret, shown this once. */
  create(teamId: string, input: WebhookCreate, createdBy: string | null): Promise<{ webhook: Webhook; secret: string }>;
  /** Newest first; never their secrets. */
  list(teamId: string): Promise<Webhook[]>;
  get(teamId: string, id: string): Promise<Webhook | undefined>;
  /** Applies the change; `enabled: true` clears a disabled one, `false` disables it as the admin's choice. */
  change(teamId: string, id: string, change: WebhookChange): Promise<Webhook | undefined>;
  /** Removes the webhook and its log. `false` when the team has none with this id. */
  remove(teamId: string, id: string): Promise<boolean>;
  /**
   * A new secret, which signs from now on; the old one signs beside it for {@link ROTATION_OVERLAP_MS}
   * (Standard Webhooks sends both signatures), so receivers can switch without missing a message.
   */
  rotate(teamId: string, id: string): Promise<string | undefined>;
  /** Newest first. `undefined` when the team has no such webhook. */
  deliveries(teamId: string, id: string, filter: { state?: DeliveryState; limit: number }): Promise<WebhookDelivery[] | undefined>;
  /**
   * Sends a delivery again, same `webhook-id` (receivers dedupe by it) and a fresh day of retries.
   * `disabled` when its webhook is off (turn it on first), `pending` while it is still being tried;
   * `undefined` when there is no such delivery.
   */
  replay(teamId: string, id: string, deliveryId: string): Promise<WebhookDelivery | 'disabled' | 'pending' | undefined>;
  /** Queues a `webhook.test` delivery of `sample` to this webhook alone, whatever its filters. */
  test(teamId: string, id: string, sample: WebhookEventBody['data']): Promise<WebhookDelivery | 'disabled' | undefined>;
}

/** The `webhooks` and `webhook_deliveries` tables, on either engine. */
export function webhooksStore(db: Driver, now: () => number = Date.now): WebhooksStore {
  const stored = (tx: Driver, teamId: string, id: string) => selectOne(tx, webhookRowSchema, 'webhooks', 'SELECT * FROM webhooks WHERE id = ? AND team_id = ?', [id, teamId]);
  const delivery = async (tx: Driver, id: string) => {
    const row = await selectOne(tx, deliveryRowSchema, 'webhook_deliveries', 'SELECT * FROM webhook_deliveries WHERE id = ?', [id]);
    if (!row) throw new Error(`webhook delivery ${id} vanished after its write`);
    return deliveryView(row);
  };

  return {
    async create(teamId, input, createdBy) {
      const id = `wh_${randomUUID().replaceAll('-', '')}`;
      const secret = newWebhookSecret();
      await db.run(
        'INSERT INTO webhooks (id, team_id, url, format, events, segments, advocacy, secret, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [id, teamId, input.url, input.format ?? 'json', JSON.stringify(input.events), input.segments ? JSON.stringify(input.segments) : null, input.advocacy ? 1 : 0, secret, createdBy, now()],
      );
      const row = await stored(db, teamId, id);
      if (!row) throw new Error(`webhook ${id} vanished after its insert`);
      return { webhook: webhookView(row), secret };
    },

    async list(teamId) {
      const rows = await select(db, webhookRowSchema, 'webhooks', 'SELECT * FROM webhooks WHERE team_id = ? ORDER BY created_at DESC, id DESC', [teamId]);
      return rows.map(webhookView);
    },

    async get(teamId, id) {
      const row = await stored(db, teamId, id);
      return row && webhookView(row);
    },

    async change(teamId, id, change) {
      const sets: string[] = [];
      const params: SqlValue[] = [];
      const set = (column: string, value: SqlValue) => (sets.push(`${column} = ?`), params.push(value));
      if (change.url !== undefined) set('url', change.url);
      if (change.format !== undefined) set('format', change.format);
      if (change.events !== undefined) set('events', JSON.stringify(change.events));
      if (change.segments !== undefined) set('segments', change.segments === null ? null : JSON.stringify(change.segments));
      if (change.advocacy !== undefined) set('advocacy', change.advocacy ? 1 : 0);
      if (change.enabled === true) set('disabled_at', null), set('disabled_reason', null);
      if (change.enabled === false) {
        // Already off (a 410, a failed day): keep when and why it went off.
        sets.push('disabled_at = COALESCE(disabled_at, ?)', "disabled_reason = COALESCE(disabled_reason, 'turned off by an admin')");
        params.push(now());
      }
      if (sets.length) await db.run(`UPDATE webhooks SET ${sets.join(', ')} WHERE id = ? AND team_id = ?`, [...params, id, teamId]);
      const row = await stored(db, teamId, id);
      return row && webhookView(row);
    },

    async remove(teamId, id) {
      return db.transaction(async (tx) => {
        if (!(await stored(tx, teamId, id))) return false;
        // Jobs still queued for these deliveries find nothing and finish.
        await tx.run('DELETE FROM webhook_deliveries WHERE webhook_id = ?', [id]);
        await tx.run('DELETE FROM webhooks WHERE id = ? AND team_id = ?', [id, teamId]);
        return true;
      });
    },

    async rotate(teamId, id) {
      const secret = newWebhookSecret();
      const { changes } = await db.run('UPDATE webhooks SET previous_secret = secret, previous_secret_until = ?, secret = ? WHERE id = ? AND team_id = ?', [
        now() + ROTATION_OVERLAP_MS,
        secret,
        id,
        teamId,
      ]);
      return changes > 0 ? secret : undefined;
    },

    async deliveries(teamId, id, filter) {
      if (!(await stored(db, teamId, id))) return undefined;
      const params: SqlValue[] = [id];
      let sql = 'SELECT * FROM webhook_deliveries WHERE webhook_id = ?';
      if (filter.state) (sql += ' AND state = ?'), params.push(filter.state);
      const rows = await select(db, deliveryRowSchema, 'webhook_deliveries', `${sql} ORDER BY created_at DESC, id DESC LIMIT ?`, [...params, filter.limit]);
      return rows.map(deliveryView);
    },

    async replay(teamId, id, deliveryId) {
      return db.transaction(async (tx) => {
        const webhook = await stored(tx, teamId, id);
        if (!webhook) return undefined;
        const found = await selectOne(tx, deliveryRowSchema, 'webhook_deliveries', 'SELECT * FROM webhook_deliveries WHERE id = ? AND webhook_id = ?', [deliveryId, id]);
        if (!found) return undefined;
        if (isOff(webhook)) return 'disabled';
        // Its own job is still trying: a second one would only send it twice at once.
        if (found.state === 'pending') return 'pending';
        const at = now();
        await tx.run("UPDATE webhook_deliveries SET state = 'pending', delivered_at = NULL WHERE id = ?", [deliveryId]);
        await enqueueDelivery(tx, deliveryId, `${deliveryId}:replay:${randomUUID()}`, null, at);
        return delivery(tx, deliveryId);
      });
    },

    async test(teamId, id, sample) {
      return db.transaction(async (tx) => {
        const webhook = await stored(tx, teamId, id);
        if (!webhook) return undefined;
        if (isOff(webhook)) return 'disabled';
        const at = now();
        const body: WebhookEventBody = { type: 'webhook.test', timestamp: new Date(at).toISOString(), data: sample };
        const added = await addDelivery(tx, { webhookId: id, key: `test:${randomUUID()}`, type: 'webhook.test', body, at, siteId: null });
        if (!added) throw new Error('a test delivery with a fresh key was not added');
        return delivery(tx, added);
      });
    },
  };
}

const isOff = (webhook: StoredWebhook) => webhook.disabledAt !== null;
