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
 * `fetch`, telling `onExpired` when the collector answers 401 to an admin call: the session
 * ended (signed out elsewhere, expired, revoked) and the app shows sign-in.
 */
export function watchingFetch(onExpired: () => void): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    if (response.status === 401 && url.pathname.startsWith('/v1/') && !url.pathname.startsWith('/v1/invitations/')) onExpired();
    return response;
  };
}
