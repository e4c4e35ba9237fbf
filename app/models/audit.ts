import { batch, signal } from '@preact/signals-core';
import type { AdminClient, AuditAction, AuditEntry } from '../../sdk/index.ts';
import { createTask } from './task.ts';

/** The audit log (admin): newest first, a page at a time by cursor, optionally one action only. */
export function createAudit(deps: { client: Pick<AdminClient, 'audit'>; pageSize?: number }) {
  const items = signal<AuditEntry[]>([]);
  const nextCursor = signal<string | null>(null);
  /** `undefined`: every action. */
  const action = signal<AuditAction | undefined>(undefined);
  const loaded = signal(false);
  const task = createTask();
  const limit = deps.pageSize ?? 50;
  // The filter may change while a page is on its way: only the answer to the latest ask counts.
  let asked = 0;
  async function fetchPage(cursor: string | undefined) {
    const ask = ++asked;
    const filter = action.value;
    const page = await task.run(() => deps.client.audit({ limit, ...(cursor ? { cursor } : {}), ...(filter ? { action: filter } : {}) }));
    if (!page || ask !== asked) return;
    batch(() => {
      items.value = cursor ? [...items.value, ...page.items] : page.items;
      nextCursor.value = page.nextCursor;
      loaded.value = true;
    });
  }
  return {
    items,
    nextCursor,
    action,
    loaded,
    busy: task.busy,
    failure: task.failure,
    /** The first page (again), for the current filter. */
    load: () => fetchPage(undefined),
    async loadMore() {
      if (nextCursor.value && !task.busy.value) await fetchPage(nextCursor.value);
    },
    async filter(next: AuditAction | undefined) {
      action.value = next;
      await fetchPage(undefined);
    },
    dispose: task.dispose,
  };
}
export type Audit = ReturnType<typeof createAudit>;
