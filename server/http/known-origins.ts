import type { OriginSite as Site } from './cors.ts';

/**
 * Whether some site lists an origin, from a copy of the site list refreshed at most every
 * `ttlMs`: a CORS preflight carries no site key, and loading every site for each one would let
 * any page turn preflights into full table reads. A new origin is granted within `ttlMs`.
 */
export function knownOrigins(listSites: () => Promise<Site[]>, ttlMs = 5000, now: () => number = Date.now) {
  let origins: Set<string> | undefined;
  let until = 0;
  let loading: Promise<Set<string>> | undefined;

  return async function isKnown(origin: string): Promise<boolean> {
    if (!origins || now() >= until) {
      // One load at a time, however many preflights arrive while it runs.
      loading ??= listSites()
        .then((sites) => {
          origins = new Set(sites.flatMap((site) => site.origins));
          until = now() + ttlMs;
          return origins;
        })
        .finally(() => {
          loading = undefined;
        });
      return (await loading).has(origin);
    }
    return origins.has(origin);
  };
}
