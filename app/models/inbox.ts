import { batch, signal } from '@preact/signals-core';
import type { AdminClient, ResponseRecord, Stats } from '../../sdk/index.ts';
import { createTask } from './task.ts';

/** The inbox, for now: the latest responses and the summary NPS (the full inbox comes next). */
export function createInbox(deps: { client: Pick<AdminClient, 'list' | 'stats'>; limit?: number }) {
  const records = signal<ResponseRecord[]>([]);
  const summary = signal<Stats['summary'] | undefined>(undefined);
  const loaded = signal(false);
  const task = createTask();
  return {
    records,
    summary,
    loaded,
    busy: task.busy,
    failure: task.failure,
    async load() {
      const answer = await task.run(() => Promise.all([deps.client.list({ limit: deps.limit ?? 25 }), deps.client.stats()]));
      if (!answer) return;
      const [page, stats] = answer;
      batch(() => {
        records.value = page.items;
        summary.value = stats.summary;
        loaded.value = true;
      });
    },
    dispose: task.dispose,
  };
}
export type Inbox = ReturnType<typeof createInbox>;
