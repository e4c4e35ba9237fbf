import { useEffect, useRef, useState } from 'preact/hooks';
import type { ResponseRecord } from '../../sdk/index.ts';
import { createInbox, type Inbox } from '../models/inbox.ts';
import { filtersOn } from '../models/inbox-query.ts';
import { createMembers } from '../models/members.ts';
import { useApp } from './context.ts';
import { LinkToChange } from './changes-link.tsx';
import { InboxFilters } from './inbox-filters.tsx';
import { InboxRows } from './inbox-rows.tsx';
import { ResponseScreen } from './lazy-screens.ts';
import { SavedViews } from './saved-views.tsx';
import { ErrorNote } from './notice.tsx';
import { formatCount } from './format.ts';
import { ScreenHeading } from './screen-heading.tsx';
import { browserTicker } from './ticker.ts';
import { useNarrow } from './use-narrow.ts';
import { useModel, useValue } from './use-value.ts';
import { failureText } from './words.ts';

/** Keys typed into a field are the field's, except Esc. */
const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The inbox: saved views with counts, filters kept in the address, the responses (a table on
 * wide screens, cards on narrow ones), new ones announced by polling, and the keyboard: j/k move,
 * Enter opens, / searches.
 */
export function InboxScreen(props: { query?: Record<string, string> }) {
  const { client, router, platform, firstPage } = useApp();
  const inbox = useModel(() =>
    createInbox({
      client,
      ...(props.query ? { params: props.query } : {}),
      onParams: (query) => router.replace({ screen: 'inbox', ...(Object.keys(query).length ? { query } : {}) }),
      ticker: browserTicker,
      ...(firstPage ? { firstPage } : {}),
    }),
  );
  const members = useModel(() => createMembers({ client }));
  useEffect(() => void inbox.load(), [inbox]);
  const records = useValue(inbox.records);
  const summary = useValue(inbox.summary);
  const loaded = useValue(inbox.loaded);
  // What the filters offer besides the list (the team's members, the draft changes) is asked for
  // once the list is in: the collector answers the list first.
  useEffect(() => void (loaded && members.load()), [loaded, members]);
  // Where the inbox leads next, one response, is fetched while the browser is idle, not at the start.
  useEffect(() => {
    if (!loaded) return;
    const idle = window.requestIdleCallback ?? ((work: () => void) => window.setTimeout(work, 200));
    idle(() => ResponseScreen.preload());
  }, [loaded]);
  const failure = useValue(inbox.failure);
  const pending = useValue(inbox.pending);
  const selected = useValue(inbox.selected);
  const nextCursor = useValue(inbox.nextCursor);
  const loadingMore = useValue(inbox.loadingMore);
  const params = useValue(inbox.params);
  const csvUrl = useValue(inbox.csvUrl);
  const listQuery = useValue(inbox.query).query;
  const role = useValue(useApp().session.me)?.role;
  const memberList = useValue(members.items);
  const narrow = useNarrow();
  const [filtersOpen, setFiltersOpen] = useState(() => filtersOn(props.query ?? {}) > 0);
  const searchRef = useRef<HTMLInputElement | null>(null);
  const listRef = useRef<HTMLDivElement | null>(null);
  const open = (record: ResponseRecord) => router.go({ screen: 'response', id: record.id, ...(Object.keys(params).length ? { query: params } : {}) });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      // Esc leaves a field for the list (j/k work again); elsewhere the keys below are the inbox's.
      if (typing(event.target)) return event.key === 'Escape' && event.target instanceof HTMLElement ? event.target.blur() : undefined;
      if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        inbox.move(event.key === 'j' ? 1 : -1);
        focusRow(listRef.current, inbox.selected.value);
      } else if (event.key === '/') {
        event.preventDefault();
        // On a phone the search may be folded away: unfold it first.
        setFiltersOpen(true);
        requestAnimationFrame(() => searchRef.current?.focus());
      } else if (event.key === 'Enter' && !(event.target instanceof HTMLAnchorElement || event.target instanceof HTMLButtonElement)) {
        const record = inbox.current.value;
        if (record) open(record);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [inbox, params]);

  // On a phone the filters fold away under "Filters" (open while one is on), so the list is near the top.
  const active = filtersOn(params);
  const panel = (
    <>
      <InboxFilters inbox={inbox} members={memberList} searchRef={searchRef} />
      <p class="actions">
        <button type="button" class="link" onClick={() => void inbox.setFilters({})}>
          Clear all filters
        </button>{' '}
        <a href={csvUrl} download>
          Export these as CSV
        </a>
      </p>
      {loaded && (role === 'admin' || role === 'member') && <LinkToChange query={listQuery} />}
    </>
  );
  return (
    <>
      <ScreenHeading title="Inbox" />
      <p class="hint keys-hint">Keys: j and k move, Enter opens, / searches.</p>
      <SavedViews inbox={inbox} />
      {summary && (
        <dl class="summary summary-compact" aria-label="Summary">
          <div class="tile tile-main">
            <dt>NPS</dt>
            <dd>
              {summary.nps ?? '—'}
              {summary.nps !== null && summary.marginOfError !== null && <span class="muted"> ±{summary.marginOfError}</span>}
            </dd>
          </div>
          <div class="tile">
            <dt>Responses</dt>
            <dd>{formatCount(summary.total)}</dd>
          </div>
          <div class="tile">
            <dt>Promoters</dt>
            <dd class="promoter">{formatCount(summary.promoters)}</dd>
          </div>
          <div class="tile">
            <dt>Passives</dt>
            <dd class="passive">{formatCount(summary.passives)}</dd>
          </div>
          <div class="tile">
            <dt>Detractors</dt>
            <dd class="detractor">{formatCount(summary.detractors)}</dd>
          </div>
        </dl>
      )}
      {narrow ? (
        <details class="panel filters-panel" open={filtersOpen} onToggle={(event) => setFiltersOpen(event.currentTarget.open)}>
          <summary>{active ? `Filters (${active} on)` : 'Filters'}</summary>
          {panel}
        </details>
      ) : (
        <div class="panel filters-panel">{panel}</div>
      )}
      {failure && (
        <ErrorNote>
          {failureText(failure, 'load the responses')}{' '}
          <button type="button" class="link" onClick={() => void inbox.load()}>
            Try again
          </button>
        </ErrorNote>
      )}
      <div role="status" class="pending">
        {pending > 0 && (
          <button type="button" onClick={() => void inbox.showNew()}>
            {pending === 1 ? '1 new' : `${pending} new`} — show
          </button>
        )}
      </div>
      <section aria-labelledby="latest-title">
        <h2 id="latest-title">{params.sort && params.sort !== 'received' ? 'Responses' : 'Latest responses'}</h2>
        {loaded && records.length === 0 && <p class="empty">{Object.keys(params).length ? 'No responses match these filters.' : 'No responses yet. They appear here as soon as people answer the survey.'}</p>}
        {records.length > 0 && (
          <div ref={listRef}>
            <InboxRows records={records} selected={selected} inbox={inbox} open={open} now={platform.now()} />
          </div>
        )}
        {nextCursor && (
          <p>
            <button type="button" onClick={() => void inbox.loadMore()} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : 'Show more'}
            </button>
          </p>
        )}
      </section>
    </>
  );
}

/** Focuses the selected row's link in whichever layout shows (table or cards). */
function focusRow(list: HTMLElement | null, index: number) {
  const links = list?.querySelectorAll<HTMLAnchorElement>(`[data-index="${index}"] a.open`) ?? [];
  for (const link of links) if (link.offsetParent !== null) return link.focus();
}
