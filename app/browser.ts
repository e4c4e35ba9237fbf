import type { HistoryPort } from './models/router.ts';

/** The History API, for the router. */
export const browserHistory: HistoryPort = {
  location: () => ({ pathname: window.location.pathname, search: window.location.search }),
  push: (url) => window.history.pushState(null, '', url),
  replace: (url) => window.history.replaceState(null, '', url),
  onPop(listener) {
    window.addEventListener('popstate', listener);
    return () => window.removeEventListener('popstate', listener);
  },
};

/** The clipboard (needs a secure context: https, or localhost). */
export const copyText = (text: string) => navigator.clipboard.writeText(text);

/**
 * `fetch`, telling `onUnauthorized` when the collector answers 401 to an admin call (not to
 * `/v1/me`, which is how the session checks, nor to the public invitation routes): the session
 * may have ended elsewhere (signed out everywhere, expired, revoked), and the session asks again.
 */
export function watchingFetch(onUnauthorized: () => void, send: typeof fetch = (input, init) => fetch(input, init), base = () => window.location.href): typeof fetch {
  return async (input, init) => {
    const response = await send(input, init);
    const { pathname } = new URL(input instanceof Request ? input.url : String(input), base());
    if (response.status === 401 && pathname.startsWith('/v1/') && pathname !== '/v1/me' && !pathname.startsWith('/v1/invitations/')) onUnauthorized();
    return response;
  };
}
