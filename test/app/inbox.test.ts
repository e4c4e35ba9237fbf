import { describe, expect, it, vi } from 'vitest';
import { createInbox, type Ticker } from '../../app/models/inbox.ts';
import { filtersOn, moreFiltersOn, toListQuery } from '../../app/models/inbox-query.ts';
import { createPlaybookEditor, stepIdFor } from '../../app/models/playbook-editor.ts';
import { createResponse, isOverdue, tickedSteps } from '../../app/models/response.ts';
import type { ListQuery, SavedView } from '../../sdk/index.ts';
import { makeDetail, makeRecord } from '../helpers/admin-fixtures.ts';
import { fakeClient } from './fake-client.ts';
import { deferred, makeSummary, recorder } from './fakes.ts';

const summary = { promoters: 1, passives: 0, detractors: 1, total: 2, nps: 0, marginOfError: 138.6 };
const statsSummary = async () => makeSummary(summary);
const view = (overrides: Partial<SavedView> = {}): SavedView => ({ id: 'overdue', name: 'Overdue', builtIn: true, query: { overdue: 'true' }, count: 1, ...overrides });
const manualTicker = () => {
  const ticks: (() => void)[] = [];
  const ticker: Ticker = {
    every: (_ms, tick) => {
      ticks.push(tick);
      return () => void ticks.splice(ticks.indexOf(tick), 1);
    },
  };
  return { ticker, ticks };
};

describe('inbox query from a link', () => {
  it('counts the filters that are on, and those kept under "More filters" (a trait once)', () => {
    const params = { segment: 'passive', sort: 'score', scoreMin: '7', 'trait.plan': 'pro', overdue: 'true' };
    expect([filtersOn(params), moreFiltersOn(params)]).toEqual([4, 3]);
    expect([filtersOn({ sort: 'due' }), moreFiltersOn({ q: 'refund', owner: 'me' })]).toEqual([0, 0]);
  });

  it('keeps what the collector reads, drops what it would refuse, and paging', () => {
    expect(toListQuery({ segment: 'passive', 'trait.plan': 'pro', sort: 'score', limit: '3', cursor: 'x' })).toEqual({ query: { segment: 'passive', trait: { key: 'plan', value: 'pro' }, sort: 'score' }, dropped: [] });
    expect(toListQuery({ segment: 'fans', scoreMin: 'ten', overdue: 'true' })).toEqual({ query: { overdue: true }, dropped: ['segment', 'scoreMin'] });
    // A name the collector does not know (a typo, a newer version's filter) leaves the others kept.
    expect(toListQuery({ segment: 'passive', colour: 'red' })).toEqual({ query: { segment: 'passive' }, dropped: ['colour'] });
  });
});

describe('inbox', () => {
  it('lists the filters’ responses with the views, and every filter change goes into the address', async () => {
    const { calls, record } = recorder();
    const addresses: Record<string, string>[] = [];
    const inbox = createInbox({
      client: fakeClient({ list: record('list', async () => ({ items: [makeRecord()], nextCursor: null })), statsSummary, views: async () => [view()] }),
      params: { segment: 'passive' },
      onParams: (params) => addresses.push(params),
      limit: 10,
    });
    await inbox.load();
    expect(inbox.records.value).toEqual([makeRecord()]);
    expect(inbox.views.value).toEqual([view()]);
    expect(calls).toEqual([['list', [{ segment: 'passive', limit: 10 }]]]);
    await inbox.setFilter('scoreMin', '7');
    await inbox.setFilter('segment', '');
    expect(addresses).toEqual([{ segment: 'passive', scoreMin: '7' }, { scoreMin: '7' }]);
    expect(calls.at(-1)).toEqual(['list', [{ scoreMin: 7, limit: 10 }]]);
    await inbox.setFilters(view().query);
    expect(calls.at(-1)).toEqual(['list', [{ overdue: true, limit: 10 }]]);
    expect(inbox.csvUrl.value).toBe('http://c.example/v1/responses.csv?overdue=true');
  });

  it('shows the list before the summary and the views are asked for; a filter reads the list alone', async () => {
    const { calls, record } = recorder();
    const views = deferred<SavedView[]>();
    const counted = deferred<ReturnType<typeof makeSummary>>();
    const inbox = createInbox({
      client: fakeClient({ list: record('list', async () => ({ items: [makeRecord()], nextCursor: null })), statsSummary: record('statsSummary', () => counted.promise), views: record('views', () => views.promise) }),
    });
    const loading = inbox.load();
    await vi.waitFor(() => expect(calls.map(([name]) => name)).toEqual(['list', 'statsSummary', 'views']));
    // The list is on screen while the counts around it are still on their way.
    expect(inbox.loaded.value).toBe(true);
    expect(inbox.records.value).toEqual([makeRecord()]);
    expect(inbox.summary.value).toBeUndefined();
    counted.resolve(makeSummary(summary));
    views.resolve([view()]);
    await loading;
    expect([inbox.summary.value, inbox.views.value]).toEqual([summary, [view()]]);
    calls.length = 0;
    await inbox.setFilter('segment', 'passive');
    expect(calls).toEqual([['list', [{ segment: 'passive', limit: 25 }]]]);
    // The summary follows the test answers' filter alone.
    await inbox.showTest(true);
    expect(calls.slice(1)).toEqual([
      ['list', [{ segment: 'passive', includeTest: true, limit: 25 }]],
      ['statsSummary', [{ includeTest: true }]],
    ]);
  });

  it('a summary that cannot be read leaves the list shown and is asked again with the next list', async () => {
    const { calls, record } = recorder();
    let fails = true;
    const inbox = createInbox({
      client: fakeClient({
        list: async () => ({ items: [makeRecord()], nextCursor: null }),
        statsSummary: record('statsSummary', async () => {
          if (fails) throw new Error('down');
          return makeSummary(summary);
        }),
        views: async () => [],
      }),
    });
    await inbox.load();
    expect([inbox.records.value.length, inbox.failure.value, inbox.summary.value]).toEqual([1, undefined, undefined]);
    fails = false;
    await inbox.setFilter('segment', 'detractor');
    expect(calls).toHaveLength(2);
    expect(inbox.summary.value).toEqual(summary);
  });

  it('polling reads the views’ counts and the summary again', async () => {
    const { ticker } = manualTicker();
    let count = 1;
    const inbox = createInbox({ client: fakeClient({ list: async () => ({ items: [], nextCursor: null }), statsSummary, views: async () => [view({ count })] }), ticker });
    await inbox.load();
    count = 4;
    await inbox.poll();
    expect(inbox.views.value.map((one) => one.count)).toEqual([4]);
  });

  it('pages on by cursor, and moves the selection within the list', async () => {
    const pages: Record<string, { items: ReturnType<typeof makeRecord>[]; nextCursor: string | null }> = {
      first: { items: [makeRecord({ id: 'a' }), makeRecord({ id: 'b' })], nextCursor: 'c1' },
      c1: { items: [makeRecord({ id: 'c' })], nextCursor: null },
    };
    const inbox = createInbox({ client: fakeClient({ list: async (query?: ListQuery) => pages[query?.cursor ?? 'first'] ?? { items: [], nextCursor: null }, statsSummary, views: async () => [] }) });
    await inbox.load();
    inbox.move(-1);
    expect(inbox.selected.value).toBe(0);
    await inbox.loadMore();
    expect(inbox.records.value.map((one) => one.id)).toEqual(['a', 'b', 'c']);
    expect(inbox.nextCursor.value).toBeNull();
    for (let i = 0; i < 5; i++) inbox.move(1);
    expect(inbox.current.value?.id).toBe('c');
    // Read again under the keyboard: the selection stays on its response, or goes to the top when it has gone.
    pages.first = { items: [makeRecord({ id: 'new' }), makeRecord({ id: 'b' })], nextCursor: null };
    inbox.move(-1);
    await inbox.load();
    expect(inbox.current.value?.id).toBe('b');
    pages.first = { items: [makeRecord({ id: 'a' })], nextCursor: null };
    await inbox.load();
    expect(inbox.selected.value).toBe(0);
  });

  it('new responses found by polling are announced, not shown, until asked', async () => {
    const { ticker, ticks } = manualTicker();
    let items = [makeRecord({ id: 'old', receivedAt: '2026-11-22T10:00:00.000Z' })];
    const inbox = createInbox({ client: fakeClient({ list: async () => ({ items, nextCursor: null }), statsSummary, views: async () => [] }), ticker });
    await inbox.load();
    items = [makeRecord({ id: 'new-1' }), makeRecord({ id: 'new-2' }), ...items];
    ticks[0]?.();
    await inbox.poll();
    expect(inbox.pending.value).toBe(2);
    expect(inbox.records.value.map((one) => one.id)).toEqual(['old']);
    await inbox.showNew();
    expect(inbox.pending.value).toBe(0);
    expect(inbox.records.value.map((one) => one.id)).toEqual(['new-1', 'new-2', 'old']);
    inbox.dispose();
    expect(ticks).toHaveLength(0);
  });

  it('only the answer to the latest ask shows (a filter changed while loading)', async () => {
    const slow = deferred<{ items: ReturnType<typeof makeRecord>[]; nextCursor: null }>();
    let first = true;
    const inbox = createInbox({
      client: fakeClient({
        list: () => {
          if (!first) return Promise.resolve({ items: [makeRecord({ id: 'with-test', test: true })], nextCursor: null });
          first = false;
          return slow.promise;
        },
        statsSummary,
        views: async () => [],
      }),
    });
    const loading = inbox.load();
    await inbox.showTest(true);
    slow.resolve({ items: [makeRecord({ id: 'stale' })], nextCursor: null });
    await loading;
    expect(inbox.records.value.map((record) => record.id)).toEqual(['with-test']);
    expect(inbox.includeTest.value).toBe(true);
  });

  it('saves the current filters (without ones the collector would refuse) as a view', async () => {
    const { calls, record } = recorder();
    const inbox = createInbox({
      client: fakeClient({ list: async () => ({ items: [], nextCursor: null }), statsSummary, views: async () => [], createView: record('createView', async (body: { name: string; query: Record<string, string> }) => view({ id: 'v1', name: body.name, query: body.query, builtIn: false })) }),
      params: { segment: 'detractor', scoreMin: 'x' },
    });
    await inbox.load();
    expect(await inbox.saveView('Angry')).toBe(true);
    expect(calls).toEqual([['createView', [{ name: 'Angry', query: { segment: 'detractor' } }]]]);
    expect(inbox.views.value.map((one) => one.id)).toEqual(['v1']);
  });
});

describe('one response', () => {
  it('loads the detail with the playbook of its segment, never an advocacy step outside promoters', async () => {
    const detail = makeDetail(makeRecord({ segment: 'detractor' }));
    const model = createResponse({
      id: detail.response.id,
      client: fakeClient({
        get: async () => detail,
        members: async () => [],
        playbooks: async () => [
          { segment: 'detractor', custom: true, steps: [{ id: 'sorry', text: 'Apologise' }, { id: 'review', text: 'Ask for a review', advocacy: true }] },
          { segment: 'promoter', custom: false, steps: [{ id: 'review', text: 'Ask for a review', advocacy: true }] },
        ],
      }),
    });
    await model.load();
    expect(model.steps.value.map((step) => step.id)).toEqual(['sorry']);
  });

  it('each change sends one part and shows the detail it answers; ticks come from the timeline', async () => {
    const { calls, record } = recorder();
    const after = makeDetail();
    after.timeline.push({ kind: 'step', at: after.response.receivedAt, author: 'Ana', step: 'sorry', text: 'Apologise', done: true });
    const model = createResponse({ id: 'r1', client: fakeClient({ updateFollowUp: record('updateFollowUp', async () => after) }) });
    await model.assign('user-1');
    await model.setStatus('contacted');
    await model.addNote('Called');
    await model.tick('sorry', true);
    expect(await model.setDue('not a date')).toBe(false);
    await model.setDue('2026-12-24');
    expect(calls.map(([, args]) => args[1])).toEqual([{ ownerId: 'user-1' }, { status: 'contacted' }, { note: 'Called' }, { step: { id: 'sorry', done: true } }, { dueAt: '2026-12-24T23:59:59.000Z' }]);
    expect(model.ticked.value).toEqual(new Set(['sorry']));
    const unticked = makeDetail();
    unticked.timeline.push(after.timeline[1]!, { kind: 'step', at: after.response.receivedAt, author: 'Bo', step: 'sorry', text: 'Apologise', done: false });
    expect(tickedSteps(unticked)).toEqual(new Set());
  });

  it('overdue: still to do and past due', () => {
    const due = { dueAt: '2026-01-01T00:00:00.000Z' };
    expect(isOverdue({ ...due, followUpStatus: 'contacted' }, Date.UTC(2026, 0, 2))).toBe(true);
    expect(isOverdue({ ...due, followUpStatus: 'resolved' }, Date.UTC(2026, 0, 2))).toBe(false);
    expect(isOverdue({ ...due, followUpStatus: 'new' }, Date.UTC(2025, 11, 31))).toBe(false);
  });
});

describe('playbook editor', () => {
  it('moves a step up or down, keeping its id; past either end nothing moves', async () => {
    const { calls, record } = recorder();
    const editor = createPlaybookEditor({
      client: fakeClient({ setPlaybook: record('setPlaybook', async (segment, steps) => ({ segment, steps, custom: true })) }),
      playbook: { segment: 'detractor', custom: true, steps: [{ id: 'sorry', text: 'Apologise' }, { id: 'cause', text: 'Find the cause' }, { id: 'back', text: 'Come back' }] },
      onSaved: () => undefined,
    });
    editor.move(2, -1);
    expect(editor.steps.value.map((step) => step.id)).toEqual(['sorry', 'back', 'cause']);
    editor.move(0, 1);
    expect(editor.steps.value.map((step) => step.id)).toEqual(['back', 'sorry', 'cause']);
    editor.move(0, -1);
    editor.move(2, 1);
    editor.move(5, -1);
    expect(editor.steps.value.map((step) => step.id)).toEqual(['back', 'sorry', 'cause']);
    await editor.save();
    expect(calls).toEqual([['setPlaybook', ['detractor', [{ id: 'back', text: 'Come back' }, { id: 'sorry', text: 'Apologise' }, { id: 'cause', text: 'Find the cause' }]]]]);
  });

  it('adds steps with stable unique ids, offers advocacy only to promoters, and saves the whole list', async () => {
    const { calls, record } = recorder();
    const saved: unknown[] = [];
    const passive = createPlaybookEditor({
      client: fakeClient({ setPlaybook: record('setPlaybook', async (segment, steps) => ({ segment, steps, custom: true })) }),
      playbook: { segment: 'passive', custom: false, steps: [{ id: 'call', text: 'Call' }] },
      onSaved: (playbook) => saved.push(playbook),
    });
    passive.add('  Call again ');
    passive.add('Call again');
    passive.add('   ');
    passive.setAdvocacy(0, true);
    passive.setText(0, 'Call them ');
    expect(passive.advocacy).toBe(false);
    expect(passive.steps.value.map((step) => step.id)).toEqual(['call', 'call-again', 'call-again-2']);
    passive.remove(2);
    expect(await passive.save()).toBe(true);
    expect(calls).toEqual([['setPlaybook', ['passive', [{ id: 'call', text: 'Call them' }, { id: 'call-again', text: 'Call again' }]]]]);
    expect(saved).toHaveLength(1);

    const promoter = createPlaybookEditor({ client: fakeClient({ setPlaybook: record('setPlaybook', async (segment, steps) => ({ segment, steps, custom: true })) }), playbook: { segment: 'promoter', custom: false, steps: [] }, onSaved: () => undefined });
    promoter.add('Ask for a review');
    promoter.setAdvocacy(0, true);
    await promoter.save();
    expect(calls.at(-1)).toEqual(['setPlaybook', ['promoter', [{ id: 'ask-for-a-review', text: 'Ask for a review', advocacy: true }]]]);
    expect(stepIdFor('École !', new Set())).toBe('ecole');
  });
});
