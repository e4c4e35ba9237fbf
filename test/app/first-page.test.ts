import { describe, expect, it } from 'vitest';
import { firstInboxPage } from '../../app/models/first-page.ts';
import { createInbox } from '../../app/models/inbox.ts';
import { parseRoute } from '../../app/models/router.ts';
import { makeRecord } from '../helpers/admin-fixtures.ts';
import { fakeClient } from './fake-client.ts';
import { deferred, makeSummary, recorder } from './fakes.ts';

const page = { items: [makeRecord({ id: 'early' })], nextCursor: null };

describe('the inbox’s first page, asked for as the app starts', () => {
  it('is asked for only when the address opens the inbox, with the inbox’s filters and page size', async () => {
    const { calls, record } = recorder();
    const list = record('list', async () => page);
    await firstInboxPage({ list }, parseRoute('/settings', '')).settled;
    expect(calls).toEqual([]);
    const first = firstInboxPage({ list }, parseRoute('/inbox', '?segment=passive&colour=red'));
    expect(calls).toEqual([['list', [{ segment: 'passive', limit: 25 }]]]);
    await first.settled;
    expect(await first.take({ segment: 'passive', limit: 25 })).toEqual(page);
    // Once: a later inbox (another visit) reads its own.
    expect(await first.take({ segment: 'passive', limit: 25 })).toBeUndefined();
    expect(first.takeNow({ segment: 'passive', limit: 25 })).toBeUndefined();
  });

  it('is not handed to an inbox asking for something else, nor when it could not be read', async () => {
    const other = firstInboxPage({ list: async () => page }, parseRoute('/', ''));
    expect(await other.take({ segment: 'detractor', limit: 25 })).toBeUndefined();
    expect(await other.take({ limit: 25 })).toEqual(page);
    const refused = firstInboxPage({ list: () => Promise.reject(new Error('401')) }, parseRoute('/inbox', ''));
    await refused.settled;
    expect(refused.takeNow({ limit: 25 })).toBeUndefined();
    expect(await refused.take({ limit: 25 })).toBeUndefined();
  });

  it('an inbox made after it came shows it from the start, without asking', async () => {
    const { calls, record } = recorder();
    const client = fakeClient({ list: record('list', async () => ({ items: [], nextCursor: null })), statsSummary: async () => makeSummary(), views: record('views', async () => []) });
    const first = firstInboxPage({ list: async () => page }, parseRoute('/inbox', '?segment=passive'));
    await first.settled;
    const inbox = createInbox({ client, params: { segment: 'passive' }, firstPage: first });
    expect([inbox.loaded.value, inbox.records.value.map((one) => one.id)]).toEqual([true, ['early']]);
    await inbox.load();
    expect(calls.map(([name]) => name)).toEqual(['views']);
    // A filter change afterwards reads the list as always.
    await inbox.setFilter('segment', 'detractor');
    expect(calls.at(-1)).toEqual(['list', [{ segment: 'detractor', limit: 25 }]]);
  });

  it('an inbox made while it is on its way waits for it; when it could not be read, the inbox asks', async () => {
    const { calls, record } = recorder();
    const client = fakeClient({ list: record('list', async () => ({ items: [makeRecord({ id: 'asked' })], nextCursor: null })), statsSummary: async () => makeSummary(), views: async () => [] });
    const coming = deferred<typeof page>();
    const inbox = createInbox({ client, params: { segment: 'passive' }, firstPage: firstInboxPage({ list: () => coming.promise }, parseRoute('/inbox', '?segment=passive')) });
    expect(inbox.loaded.value).toBe(false);
    const loading = inbox.load();
    coming.resolve(page);
    await loading;
    expect(inbox.records.value.map((one) => one.id)).toEqual(['early']);
    expect(calls).toEqual([]);
    const refused = createInbox({ client, firstPage: firstInboxPage({ list: () => Promise.reject(new Error('401')) }, parseRoute('/inbox', '')) });
    await refused.load();
    expect(refused.records.value.map((one) => one.id)).toEqual(['asked']);
    expect(refused.failure.value).toBeUndefined();
  });
});
