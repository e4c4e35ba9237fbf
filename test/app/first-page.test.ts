import { describe, expect, it } from 'vitest';
import { firstInboxPage } from '../../app/models/first-page.ts';
import { createInbox } from '../../app/models/inbox.ts';
import { parseRoute } from '../../app/models/router.ts';
import { makeRecord } from '../helpers/admin-fixtures.ts';
import { fakeClient } from './fake-client.ts';
import { makeSummary, recorder } from './fakes.ts';

const page = { items: [makeRecord({ id: 'early' })], nextCursor: null };

describe('the inbox’s first page, asked for as the app starts', () => {
  it('is asked for only when the address opens the inbox, with the inbox’s filters and page size', async () => {
    const { calls, record } = recorder();
    const list = record('list', async () => page);
    firstInboxPage({ list }, parseRoute('/settings', ''));
    expect(calls).toEqual([]);
    const take = firstInboxPage({ list }, parseRoute('/inbox', '?segment=passive&colour=red'));
    expect(calls).toEqual([['list', [{ segment: 'passive', limit: 25 }]]]);
    expect(await take({ segment: 'passive', limit: 25 })).toEqual(page);
    // Once: a later inbox (another visit) reads its own.
    expect(await take({ segment: 'passive', limit: 25 })).toBeUndefined();
  });

  it('is not handed to an inbox asking for something else, nor when it could not be read', async () => {
    const other = firstInboxPage({ list: async () => page }, parseRoute('/', ''));
    expect(await other({ segment: 'detractor', limit: 25 })).toBeUndefined();
    expect(await other({ limit: 25 })).toBeUndefined();
    const refused = firstInboxPage({ list: () => Promise.reject(new Error('401')) }, parseRoute('/inbox', ''));
    expect(await refused({ limit: 25 })).toBeUndefined();
  });

  it('the first inbox shows it without asking; when it could not be read, the inbox asks', async () => {
    const { calls, record } = recorder();
    const client = fakeClient({ list: record('list', async () => ({ items: [makeRecord({ id: 'asked' })], nextCursor: null })), statsSummary: async () => makeSummary(), views: async () => [] });
    const inbox = createInbox({ client, params: { segment: 'passive' }, firstPage: firstInboxPage({ list: async () => page }, parseRoute('/inbox', '?segment=passive')) });
    await inbox.load();
    expect(inbox.records.value.map((one) => one.id)).toEqual(['early']);
    expect(calls).toEqual([]);
    const refused = createInbox({ client, firstPage: firstInboxPage({ list: () => Promise.reject(new Error('401')) }, parseRoute('/inbox', '')) });
    await refused.load();
    expect(refused.records.value.map((one) => one.id)).toEqual(['asked']);
    expect(refused.failure.value).toBeUndefined();
  });
});
