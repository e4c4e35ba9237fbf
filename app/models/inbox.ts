import { batch, signal } from '@preact/signals-core';
import type { AdminClient, ResponseRecord, Stats } from '../../sdk/index.ts';
import { createTask } from './task.ts';

/**
 * The inbox, for now: the latest responses and the summary NPS (the full inbox comes next).
 * Test answers (the demo's playground, a tag in test mode) are left out unless `includeTest`.
 */
export function createInbox(deps: { client: Pick<AdminClient, 'list' | 'stats'>; limit?: number }) {
  const records = signal<ResponseRecord[]>([]);
  const summary = signal<Stats['summary'] | undefined>(undefined);
  const loaded = signal(false);
  const includeTest = signal(false);
  const task = createTask();
  // Ticking the box while a load is on its way: only the latest answer shows.
  let asked = 0;
  async function load() {
    const ask = ++asked;
    const test = includeTest.value ? { includeTest: true } : {};
    const answer = await task.run(() => Promise.all([deps.client.list({ limit: deps.limit ?? 25, ...test }), deps.client.stats(test)]));
    if (!answer || ask !== asked) return;
    const [page, stats] = answer;
    batch(() => {
      records.value = page.items;
      summary.value = stats.summary;
      loaded.value = true;
    });
  }
  return {
    records,
    summary,
    loaded,
    includeTest,
    busy: task.busy,
    failure: task.failure,
    load,
    async showTest(show: boolean) {
      includeTest.value = show;
      await load();
    },
    dispose: task.dispose,
  };
}
export type Inbox = ReturnType<typeof createInbox>;
