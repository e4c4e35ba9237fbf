import { batch, computed, signal } from '@preact/signals-core';
import { INBOX_PAGE_SIZE, type AdminClient, type ResponsePage, type ResponseRecord, type SavedView, type StatsSummary } from '../../sdk/index.ts';
import type { FirstPage } from './first-page.ts';
import { toListQuery, withParam, type FilterParams } from './inbox-query.ts';
import { createTask } from './task.ts';

/** What the inbox asks of the platform: a repeating timer (tests drive it by hand). */
export interface Ticker {
  /** Calls `tick` every `ms`; answers the function that stops it. */
  every(ms: number, tick: () => void): () => void;
}

export interface InboxDeps {
  client: Pick<AdminClient, 'list' | 'statsSummary' | 'views' | 'createView' | 'renameView' | 'deleteView' | 'endpoint'>;
  /** The filters the inbox opens with (its link's). */
  params?: FilterParams;
  /** Called with the filters whenever they change, so the address bar keeps them. */
  onParams?: (params: Record<string, string>) => void;
  ticker?: Ticker;
  /** How often new responses are looked for. @default 30000 */
  pollMs?: number;
  /** Page size. @default 25 */
  limit?: number;
  /** The first page, when the app asked for it as it started (see first-page.ts). */
  firstPage?: FirstPage;
}

/**
 * The inbox (SPEC §10): responses of the current filters a page at a time, the saved views with
 * their counts, the selection j/k moves, and new responses found by polling, announced ("3 new")
 * and shown only when asked, so what the person is reading never moves under them. Test answers
 * are left out unless `includeTest=true` is among the filters.
 */
export function createInbox(deps: InboxDeps) {
  const { client } = deps;
  const limit = deps.limit ?? INBOX_PAGE_SIZE;
  const params = signal<Record<string, string>>({ ...deps.params });
  const records = signal<ResponseRecord[]>([]);
  const nextCursor = signal<string | null>(null);
  const summary = signal<StatsSummary['summary'] | undefined>(undefined);
  const views = signal<SavedView[]>([]);
  const loaded = signal(false);
  /** How many responses arrived since the list was read (that match its filters). */
  const pending = signal(0);
  /** The selected row, by index into `records` (j/k). */
  const selected = signal(0);
  const task = createTask();
  const more = createTask();
  const viewTask = createTask();
  const viewsLoad = createTask();
  const summaryLoad = createTask();
  const query = computed(() => toListQuery(params.value));
  const includeTest = computed(() => query.value.query.includeTest === true);
  // A change of filters while a load is on its way: only the latest answer shows.
  let asked = 0;
  /** Whether the summary shown counts test answers (it follows that one filter alone); undefined: none read yet. */
  let summaryWithTest: boolean | undefined;

  /** The views with their counts, on their own: a list whose views cannot be read still shows. */
  async function loadViews() {
    const saved = await viewsLoad.run(() => client.views());
    if (saved) views.value = saved;
  }

  /** NPS and the segments above the list, of every response (with test answers when the list has them). */
  async function loadSummary(withTest: boolean) {
    summaryWithTest = withTest;
    const answer = await summaryLoad.run(() => client.statsSummary(withTest ? { includeTest: true } : {}));
    if (summaryWithTest !== withTest) return; // the list's test filter changed meanwhile
    if (answer) summary.value = answer.summary;
    else summaryWithTest = undefined; // read again with the next list
  }

  // The first page, when it came before this inbox was made: shown from its first render.
  let ready = deps.firstPage?.takeNow({ ...query.value.query, limit });
  if (ready) show(ready);
  let viewsRead = false;

  function show(page: ResponsePage) {
    // The selection stays on its response when that is still listed (a list read again under the keyboard).
    const chosen = records.value[selected.value]?.id;
    batch(() => {
      selected.value = Math.max(0, page.items.findIndex((record) => record.id === chosen));
      records.value = page.items;
      nextCursor.value = page.nextCursor;
      pending.value = 0;
      loaded.value = true;
    });
  }

  async function load() {
    const ask = ++asked;
    const { query: list } = query.value;
    const request = { ...list, limit };
    const early = ready;
    ready = undefined;
    const page = early ?? (await task.run(async () => (await deps.firstPage?.take(request)) ?? client.list(request)));
    if (!page || ask !== asked) return;
    if (page !== early) show(page);
    // Asked once the list is in, so the collector answers the list first: the views' counts and
    // the summary do not change with the filters, and are read again by polling.
    const withTest = list.includeTest === true;
    const views = !viewsRead;
    viewsRead = true;
    await Promise.all([summaryWithTest !== withTest ? loadSummary(withTest) : undefined, views ? loadViews() : undefined]);
  }

  /** Looks for responses newer than the newest one read, among the filters', without touching the list. */
  async function poll() {
    if (!loaded.value || task.busy.value) return;
    const known = new Set(records.value.map((record) => record.id));
    const newest = records.value.reduce((at, record) => (record.receivedAt > at ? record.receivedAt : at), '');
    const { sort: _sort, ...list } = query.value.query;
    const ask = asked;
    const page = await more.run(() => client.list({ ...list, limit: 50, ...(newest ? { from: newest } : {}) }));
    if (!page || ask !== asked) return;
    pending.value = page.items.filter((record) => !known.has(record.id)).length;
    // The counts around the list move too (new answers, follow-ups done by the team).
    await Promise.all([loadViews(), loadSummary(list.includeTest === true)]);
  }

  const stopPolling = deps.ticker?.every(deps.pollMs ?? 30_000, () => void poll());

  /** The filters without those the collector would refuse: what a view keeps. */
  function validParams(): Record<string, string> {
    const dropped = new Set(query.value.dropped);
    return Object.fromEntries(Object.entries(params.value).filter(([name]) => !dropped.has(name) && name !== 'cursor' && name !== 'limit'));
  }

  function setParams(next: Record<string, string>) {
    params.value = next;
    deps.onParams?.(next);
    return load();
  }

  return {
    params,
    /** The filters as the collector reads them, and the names left out as not valid. */
    query,
    records,
    nextCursor,
    summary,
    views,
    loaded,
    pending,
    selected,
    includeTest,
    busy: task.busy,
    failure: task.failure,
    loadingMore: more.busy,
    moreFailure: more.failure,
    viewsFailure: viewsLoad.failure,
    viewBusy: viewTask.busy,
    viewFailure: viewTask.failure,
    load,
    poll,
    /** Sets one filter (`''` clears it) and reads the list again. */
    setFilter: (name: string, value: string | undefined) => setParams(withParam(params.value, name, value)),
    /** Replaces every filter: a saved view, or "clear all". */
    setFilters: (next: FilterParams) => setParams({ ...next }),
    async showTest(show: boolean) {
      await setParams(withParam(params.value, 'includeTest', show ? 'true' : undefined));
    },
    /** The next page, after what is shown. */
    async loadMore() {
      const cursor = nextCursor.value;
      if (!cursor) return;
      const ask = asked;
      const page = await more.run(() => client.list({ ...query.value.query, limit, cursor }));
      if (!page || ask !== asked) return;
      batch(() => {
        records.value = [...records.value, ...page.items];
        nextCursor.value = page.nextCursor;
      });
    },
    /** Shows the responses that arrived ("3 new — show"): the list read again from its top. */
    showNew: load,
    /** Moves the selection by `step` rows (j: +1, k: −1), within the list. */
    move(step: number) {
      const last = records.value.length - 1;
      if (last < 0) return;
      selected.value = Math.min(last, Math.max(0, selected.value + step));
    },
    select(index: number) {
      selected.value = index;
    },
    /** The selected response, if any. */
    current: computed(() => records.value[selected.value]),
    /** Saves the current filters as a view of the team. */
    async saveView(name: string) {
      const view = await viewTask.run(() => client.createView({ name, query: validParams() }));
      if (view) views.value = [...views.value, view];
      return view !== undefined;
    },
    /** Renames one of the team's views; whether it was renamed. */
    async renameView(id: string, name: string) {
      const view = await viewTask.run(() => client.renameView(id, name));
      if (view) views.value = views.value.map((one) => (one.id === id ? view : one));
      return view !== undefined;
    },
    async deleteView(id: string) {
      const done = await viewTask.run(async () => {
        await client.deleteView(id);
        return true;
      });
      if (done) views.value = views.value.filter((view) => view.id !== id);
    },
    /** The CSV export of the current filters: a link to the collector's `/v1/responses.csv`. */
    csvUrl: computed(() => {
      const search = new URLSearchParams(validParams()).toString();
      return `${client.endpoint}/v1/responses.csv${search ? `?${search}` : ''}`;
    }),
    dispose() {
      stopPolling?.();
      task.dispose();
      more.dispose();
      viewTask.dispose();
      viewsLoad.dispose();
      summaryLoad.dispose();
    },
  };
}
export type Inbox = ReturnType<typeof createInbox>;
