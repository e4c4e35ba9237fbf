import { signal } from '@preact/signals-core';

/** Every screen of the app; each has its own path (served by the collector as the app's page). */
export const SCREENS = ['sign-in', 'reset-password', 'invite', 'inbox', 'response', 'dashboard', 'members', 'tokens', 'audit', 'privacy', 'settings', 'webhooks', 'outbox', 'notifications', 'changes'] as const;
export type Screen = (typeof SCREENS)[number];

/** Screens for people who are not signed in (yet). */
export const PUBLIC_SCREENS: readonly Screen[] = ['sign-in', 'reset-password', 'invite'];
/** Screens only a team’s admins see (members is for everyone: viewers and members read the list). */
export const ADMIN_SCREENS: readonly Screen[] = ['tokens', 'audit', 'privacy', 'webhooks', 'outbox'];

/** Screens whose state lives in the address's query (the dashboard's filters), so a link shares it. */
const QUERY_SCREENS: readonly Screen[] = ['dashboard'];

/**
 * Where the app is: a screen and, for the link pages, the link's token; for the dashboard, its
 * `params`. The inbox's filters are its `query` (so a link opens the same list); one response is
 * `id`, with the inbox's `query` it was opened from (Esc goes back to that list).
 */
export interface Route {
  screen: Screen;
  token?: string;
  /** The dashboard's query parameters as text (its model reads what it knows of them). */
  params?: Record<string, string>;
  query?: Record<string, string>;
  id?: string;
}

/** The route for a URL's path and query; `/` is the inbox, and so is any path the app does not know. */
export function parseRoute(pathname: string, search: string): Route {
  const name = pathname.replace(/^\/+|\/+$/g, '');
  const screen = SCREENS.find((candidate) => candidate === name) ?? 'inbox';
  const params = new URLSearchParams(search);
  const token = params.get('token') ?? undefined;
  if (screen === 'invite' || screen === 'reset-password') return token ? { screen, token } : { screen };
  if (QUERY_SCREENS.includes(screen)) return params.size ? { screen, params: Object.fromEntries(params) } : { screen };
  if (screen !== 'inbox' && screen !== 'response') return { screen };
  const id = params.get('id') ?? undefined;
  params.delete('id');
  const query = Object.fromEntries(params);
  if (screen === 'response' && !id) return Object.keys(query).length ? { screen: 'inbox', query } : { screen: 'inbox' };
  return { screen, ...(id && screen === 'response' ? { id } : {}), ...(Object.keys(query).length ? { query } : {}) };
}

/** The URL (path and query) of a route. */
export function routeUrl(route: Route): string {
  if (route.token) return `/${route.screen}?${new URLSearchParams({ token: route.token })}`;
  const params = new URLSearchParams({ ...(route.id ? { id: route.id } : {}), ...route.query, ...route.params });
  const search = params.toString();
  return `/${route.screen}${search ? `?${search}` : ''}`;
}

/** The browser's History API, as the router needs it (tests pass a fake). */
export interface HistoryPort {
  location(): { pathname: string; search: string };
  push(url: string): void;
  replace(url: string): void;
  /** Calls `listener` on back/forward; answers the function that stops listening. */
  onPop(listener: () => void): () => void;
}

/** URL ↔ screen: `route` follows the address bar (back and forward included); `go` and `replace` change both. */
export function createRouter(history: HistoryPort) {
  const read = () => {
    const { pathname, search } = history.location();
    return parseRoute(pathname, search);
  };
  const route = signal<Route>(read());
  const stop = history.onPop(() => {
    route.value = read();
  });
  const same = (a: Route, b: Route) => routeUrl(a) === routeUrl(b);
  return {
    route,
    /** Opens `next` as a new history entry (nothing when already there). */
    go(next: Route) {
      if (same(next, route.value)) return;
      history.push(routeUrl(next));
      route.value = next;
    },
    /** Opens `next` in place of the current entry: redirects, and dropping a used link's token from the address bar. */
    replace(next: Route) {
      history.replace(routeUrl(next));
      route.value = next;
    },
    dispose: stop,
  };
}
export type Router = ReturnType<typeof createRouter>;
