import { describe, expect, it } from 'vitest';
import { createAdminClient, INBOX_PAGE_SIZE, type ListQuery } from '../../sdk/index.ts';
import { firstPagePreload } from '../../server/app-pages/first-page-preload.ts';
import { toListQuery } from '../../app/models/inbox-query.ts';

/** The URL the app's admin client asks for the inbox's first page of `params` (as app/models/first-page.ts does). */
async function appUrl(params: Record<string, string>): Promise<string> {
  let asked = '';
  const client = createAdminClient({
    endpoint: 'http://c.example',
    fetch: async (input, init) => {
      asked = new Request(input, init).url;
      return new Response(JSON.stringify({ items: [], nextCursor: null }), { headers: { 'content-type': 'application/json' } });
    },
  });
  const request: ListQuery = { ...toListQuery(params).query, limit: INBOX_PAGE_SIZE };
  await client.list(request);
  return asked.replace('http://c.example', '');
}

const hrefOf = (link: string | undefined) => /href="([^"]+)"/.exec(link ?? '')?.[1]?.replaceAll('&amp;', '&');

describe('the inbox page preloads its first page', () => {
  it('with exactly the URL the app asks for, for the inbox and its filters', async () => {
    const cases: Record<string, string>[] = [{}, { segment: 'passive' }, { q: 'école "quoted" <b>', sort: 'score', 'trait.plan': 'pro', overdue: 'true' }, { owner: 'me', includeTest: 'true' }];
    for (const params of cases) {
      const link = firstPagePreload('/inbox', params);
      expect(link).toMatch(/^<link rel="preload" href="[^"<>]+" as="fetch" crossorigin="use-credentials" \/>$/);
      expect(hrefOf(link)).toBe(await appUrl(params));
    }
    expect(hrefOf(firstPagePreload('/', {}))).toBe('/v1/responses?limit=25');
  });

  it('nowhere else, and not for a query the app would trim (its URL would differ)', () => {
    expect(firstPagePreload('/settings', {})).toBeUndefined();
    expect(firstPagePreload('/response', { id: 'x' })).toBeUndefined();
    const trimmed: Record<string, string>[] = [{ segment: 'fans' }, { colour: 'red' }, { cursor: 'abc' }, { limit: '5' }, { segment: '' }];
    for (const params of trimmed) expect(firstPagePreload('/inbox', params), JSON.stringify(params)).toBeUndefined();
  });
});
