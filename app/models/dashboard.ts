import { signal } from '@preact/signals-core';
import type { AdminClient, Stats } from '../../sdk/index.ts';
import { filtersOf, paramsOf, statsQueryOf, type DashboardFilters } from './dashboard-filters.ts';
import { createTask } from './task.ts';

/**
 * The dashboard (SPEC §10): the stats of the team's sites for the filters in the address. `apply`
 * sets new filters, writes them to the address (`onParams`) and loads; only the latest answer shows.
 */
export function createDashboard(deps: { client: Pick<AdminClient, 'stats'>; params?: Record<string, string>; onParams: (params: Record<string, string>) => void }) {
  const filters = signal<DashboardFilters>(filtersOf(deps.params));
  const stats = signal<Stats | undefined>(undefined);
  const task = createTask();
  let asked = 0;
  async function load() {
    const ask = ++asked;
    const answer = await task.run(() => deps.client.stats(statsQueryOf(filters.value)));
    if (answer && ask === asked) stats.value = answer;
  }
  return {
    filters,
    stats,
    busy: task.busy,
    failure: task.failure,
    load,
    async apply(next: DashboardFilters) {
      filters.value = next;
      deps.onParams(paramsOf(next));
      await load();
    },
    dispose: task.dispose,
  };
}
export type Dashboard = ReturnType<typeof createDashboard>;
