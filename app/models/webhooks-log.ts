import { batch, signal } from '@preact/signals-core';
import type { AdminClient, WebhookDelivery } from '../../sdk/index.ts';
import { createTask } from './task.ts';

/** How often, and how many times, a log with a pending delivery is read again. */
export const WATCH = { everyMs: 1500, times: 20 };

/**
 * One webhook's delivery log (admin): newest first, each delivery's state, attempts, status,
 * latency and the answer's start; replay one, or send a test event. After either, the log is read
 * again (through the injected `sleep`) while a delivery is pending, so the outcome shows by itself.
 */
export function createWebhookLog(deps: {
  client: Pick<AdminClient, 'webhookDeliveries' | 'replayDelivery' | 'testWebhook'>;
  webhookId: string;
  sleep: (ms: number) => Promise<void>;
  /** Told of the newest delivery whenever the log is read (the list's "last delivery"). */
  onLatest?: (delivery: WebhookDelivery) => void;
}) {
  const { client, webhookId } = deps;
  const items = signal<WebhookDelivery[]>([]);
  const loaded = signal(false);
  const load = createTask();
  const action = createTask();
  let watching = false;

  async function read() {
    const answer = await load.run(() => client.webhookDeliveries(webhookId, { limit: 50 }));
    if (!answer) return;
    batch(() => {
      items.value = answer;
      loaded.value = true;
    });
    if (answer[0]) deps.onLatest?.(answer[0]);
  }

  async function watch() {
    if (watching) return;
    watching = true;
    try {
      for (let time = 0; time < WATCH.times && !load.disposed && items.value.some((delivery) => delivery.state === 'pending'); time += 1) {
        await deps.sleep(WATCH.everyMs);
        if (!load.disposed) await read();
      }
    } finally {
      watching = false;
    }
  }

  async function queued(delivery: WebhookDelivery | undefined) {
    if (!delivery) return;
    items.value = [delivery, ...items.value.filter((item) => item.id !== delivery.id)];
    deps.onLatest?.(delivery);
    await watch();
  }

  return {
    items,
    loaded,
    loading: load.busy,
    loadFailure: load.failure,
    busy: action.busy,
    failure: action.failure,
    async load() {
      await read();
      await watch();
    },
    async sendTest() {
      await queued(await action.run(() => client.testWebhook(webhookId)));
    },
    async replay(deliveryId: string) {
      await queued(await action.run(() => client.replayDelivery(webhookId, deliveryId)));
    },
    dispose() {
      load.dispose();
      action.dispose();
    },
  };
}
export type WebhookLog = ReturnType<typeof createWebhookLog>;
