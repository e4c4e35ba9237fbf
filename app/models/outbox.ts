import { batch, signal } from '@preact/signals-core';
import type { AdminClient, MailState, OutboxMail } from '../../sdk/index.ts';
import { createTask } from './task.ts';

/**
 * The team's outbox (admin): its mail newest first, each with its state and why it is not sent
 * (yet); filtered by state. Mail kept for want of an SMTP server is there, never dropped.
 */
export function createOutbox(deps: { client: Pick<AdminClient, 'outbox'>; limit?: number }) {
  const items = signal<OutboxMail[]>([]);
  const state = signal<MailState | undefined>(undefined);
  const loaded = signal(false);
  /** The mail opened to read its text. */
  const open = signal<string | undefined>(undefined);
  const task = createTask();
  let asked = 0;
  async function load() {
    const ask = ++asked;
    const filter = state.value;
    const answer = await task.run(() => deps.client.outbox({ limit: deps.limit ?? 100, ...(filter ? { state: filter } : {}) }));
    // Changing the filter while a list is on its way: only the latest answer shows.
    if (!answer || ask !== asked) return;
    batch(() => {
      items.value = answer;
      loaded.value = true;
    });
  }
  return {
    items,
    state,
    loaded,
    open,
    busy: task.busy,
    failure: task.failure,
    load,
    async filter(next: MailState | undefined) {
      state.value = next;
      await load();
    },
    toggle(id: string) {
      open.value = open.value === id ? undefined : id;
    },
    dispose: task.dispose,
  };
}
export type Outbox = ReturnType<typeof createOutbox>;
