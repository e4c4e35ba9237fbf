import type { AdminClient, ListQuery, ResponsePage } from '../../sdk/index.ts';
import { toListQuery } from './inbox-query.ts';
import type { Route } from './router.ts';

/** The inbox's page size: what the first page is asked for with, and what the inbox asks. */
export const INBOX_PAGE = 25;

/** The page asked for at start, for the first inbox if it asks for the same; `undefined`: ask yourself. */
export type FirstPage = (request: ListQuery) => Promise<ResponsePage | undefined>;

/**
 * The inbox's first page, asked for as the app starts when its address opens the inbox, beside
 * "who is signed in" (`/v1/me`): the list no longer waits for that answer and for the screen to
 * mount. Taken once, by the first inbox whose request is the same; any other (other filters, a
 * later visit) asks for itself. A page that could not be read (a 401 before signing in) is not
 * handed over: the inbox asks again.
 */
export function firstInboxPage(client: Pick<AdminClient, 'list'>, route: Route): FirstPage {
  if (route.screen !== 'inbox') return async () => undefined;
  const request: ListQuery = { ...toListQuery(route.query ?? {}).query, limit: INBOX_PAGE };
  const key = JSON.stringify(request);
  let page: Promise<ResponsePage | undefined> | undefined = client.list(request).catch(() => undefined);
  return async (asked) => {
    const mine = page;
    page = undefined;
    return mine && JSON.stringify(asked) === key ? mine : undefined;
  };
}
