import { batch, signal } from '@preact/signals-core';
import type { AdminClient, Webhook, WebhookDelivery } from '../../sdk/index.ts';
import { createTask } from './task.ts';

type Client = Pick<AdminClient, 'webhooks' | 'webhookDeliveries' | 'updateWebhook' | 'deleteWebhook' | 'rotateWebhookSecret'>;

/**
 * The team's webhooks (admin): the list with each one's last delivery, a secret shown once (after
 * creating or rotating), turning one off and on, and deleting after a confirmation.
 */
export function createWebhooks(deps: { client: Client }) {
  const { client } = deps;
  const items = signal<Webhook[]>([]);
  /** Each webhook's latest delivery; missing while unknown, `null` when it has none yet. */
  const last = signal<ReadonlyMap<string, WebhookDelivery | null>>(new Map());
  const loaded = signal(false);
  /** A secret to copy now, never shown again: a new webhook's, or a rotated one's. */
  const secret = signal<{ webhookId: string; url: string; secret: string; rotated: boolean } | undefined>(undefined);
  const confirmingDelete = signal<string | undefined>(undefined);
  const load = createTask();
  const action = createTask();
  /** Made here while the list was on its way: a late list must not hide them. */
  const made: Webhook[] = [];
  const replace = (changed: Webhook) => (items.value = items.value.map((webhook) => (webhook.id === changed.id ? changed : webhook)));

  async function readLast(list: Webhook[]) {
    // A nicety beside each row: a webhook whose log cannot be read just shows no state.
    const pairs = await Promise.all(list.map(async (webhook) => [webhook.id, (await client.webhookDeliveries(webhook.id, { limit: 1 }).catch(() => undefined))?.[0] ?? null] as const));
    if (!load.disposed) last.value = new Map(pairs);
  }

  return {
    items,
    last,
    loaded,
    secret,
    confirmingDelete,
    loading: load.busy,
    loadFailure: load.failure,
    busy: action.busy,
    failure: action.failure,
    async load() {
      const answer = await load.run(() => client.webhooks());
      if (!answer) return;
      const fresh = made.filter((webhook) => !answer.some((listed) => listed.id === webhook.id) && items.value.some((item) => item.id === webhook.id));
      batch(() => {
        items.value = [...fresh, ...answer];
        loaded.value = true;
      });
      await readLast(answer);
    },
    /** A webhook just made here: listed first, its secret shown. */
    created(created: { webhook: Webhook; secret: string }) {
      made.push(created.webhook);
      batch(() => {
        items.value = [created.webhook, ...items.value.filter((webhook) => webhook.id !== created.webhook.id)];
        last.value = new Map([...last.value, [created.webhook.id, null]]);
        secret.value = { webhookId: created.webhook.id, url: created.webhook.url, secret: created.secret, rotated: false };
      });
    },
    /** A delivery seen in a webhook's log: the newest one becomes its last state. */
    delivered(delivery: WebhookDelivery) {
      last.value = new Map([...last.value, [delivery.webhookId, delivery]]);
    },
    dismissSecret() {
      secret.value = undefined;
    },
    async setEnabled(id: string, enabled: boolean) {
      const answer = await action.run(() => client.updateWebhook(id, { enabled }));
      if (answer) replace(answer);
    },
    async rotate(id: string) {
      const answer = await action.run(() => client.rotateWebhookSecret(id));
      const webhook = items.value.find((item) => item.id === id);
      if (answer && webhook) secret.value = { webhookId: id, url: webhook.url, secret: answer, rotated: true };
    },
    askDelete(id: string) {
      confirmingDelete.value = id;
    },
    cancelDelete() {
      confirmingDelete.value = undefined;
    },
    async confirmDelete() {
      const id = confirmingDelete.value;
      if (id === undefined) return;
      await action.run(() => client.deleteWebhook(id));
      if (action.disposed) return;
      batch(() => {
        confirmingDelete.value = undefined;
        if (action.failure.value) return;
        items.value = items.value.filter((webhook) => webhook.id !== id);
        if (secret.value?.webhookId === id) secret.value = undefined;
      });
    },
    dispose() {
      load.dispose();
      action.dispose();
    },
  };
}
export type Webhooks = ReturnType<typeof createWebhooks>;
