import { INBOX_PAGE_SIZE, type AdminClient, type ListQuery, type ResponsePage } from '../../sdk/index.ts';
import { toListQuery } from './inbox-query.ts';
import type { Route } from './router.ts';

/** The inbox's first page, asked for as the app started; the first inbox of the same request takes it. */
export interface FirstPage {
  /** Settles once the page has come or could not be read (at once when the address is not the inbox's). */
  settled: Promise<void>;
  /** The page if it has come and `request` is the one it answers; taken, so a later inbox asks for itself. */
  takeNow(request: ListQuery): ResponsePage | undefined;
  /** The same, once it has come: `undefined` when it is another request's, was taken, or could not be read. */
  take(request: ListQuery): Promise<ResponsePage | undefined>;
}

/**
 * The inbox's first page, asked for as the app starts when its address opens the inbox, beside
 * "who is signed in" (`/v1/me`): the list no longer waits for that answer and for the screen to
 * mount, and the inbox can show with its list in one go. Taken once, by the first inbox whose
 * request is the same; any other (other filters, a later visit) asks for itself. A page that could
 * not be read (a 401 before signing in) is not handed over: the inbox asks again.
 */
export function firstInboxPage(client: Pick<AdminClient, 'list'>, route: Route): FirstPage {
  if (route.screen !== 'inbox') return { settled: Promise.resolve(), takeNow: () => undefined, take: async () => undefined };
  const request: ListQuery = { ...toListQuery(route.query ?? {}).query, limit: INBOX_PAGE_SIZE };
  const key = JSON.stringify(request);
  let taken = false;
  let came: ResponsePage | undefined;
  const page = client.list(request).then(
    (answer) => (came = answer),
    () => undefined,
  );
  const mine = (asked: ListQuery) => {
    if (taken || JSON.stringify(asked) !== key) return false;
    taken = true;
    return true;
  };
  return {
    settled: page.then(() => undefined),
    takeNow: (asked) => (came && mine(asked) ? came : undefined),
    take: async (asked) => (mine(asked) ? page : undefined),
  };
}
