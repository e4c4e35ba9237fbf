import { INBOX_PAGE_SIZE, listQueryParams, listQuerySchema } from '../../sdk/index.ts';

/**
 * A `<link rel="preload">` for the inbox's first page, for the page of `path` with `query`: the
 * app asks for exactly this URL as it starts, and the browser has it on its way while the
 * scripts load. Only for the inbox, and only for a query the list takes whole (the app leaves out
 * what the collector would refuse, so its URL would differ: no preload then, the app just asks).
 * @example firstPagePreload('/inbox', { segment: 'passive' }) // '<link rel="preload" href="/v1/responses?segment=passive&amp;limit=25" …>'
 */
export function firstPagePreload(path: string, query: Readonly<Record<string, string>>): string | undefined {
  if (path !== '/' && path !== '/inbox') return undefined;
  if (Object.entries(query).some(([name, value]) => name === 'cursor' || name === 'limit' || value === '')) return undefined;
  const parsed = listQuerySchema.safeParse(query);
  if (!parsed.success) return undefined;
  // URLSearchParams leaves nothing an attribute could break on but `&`, which HTML reads as `&amp;`.
  const search = new URLSearchParams(listQueryParams({ ...parsed.data, limit: INBOX_PAGE_SIZE })).toString().replaceAll('&', '&amp;');
  return `<link rel="preload" href="/v1/responses?${search}" as="fetch" crossorigin="use-credentials" />`;
}
