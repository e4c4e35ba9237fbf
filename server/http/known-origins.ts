import type { OriginSite as Site } from './cors.ts';

/**
 * Whether some site lists an origin, from a copy of the site list refreshed at most every
 * `ttlMs`: a CORS preflight carries no site key, and loading every site for each one would let
 * any page turn preflights into full table reads. A new origin is granted within `ttlMs`.
 */
export function knownOrigins(listSites: () => Promise<Site[]>, ttlMs = 5000, now: () => number = Date.now): KnownOrigins {
  let origins: Set<string> | undefined;
  let until = 0;
  let loading: Promise<Set<string>> | undefined;
  /** Bumped by `forget`: a load that started before it must not bring the old list back. */
  let generation = 0;

  async function isKnown(origin: string): Promise<boolean> {
    if (!origins || now() >= until) {
      const started = generation;
      // One load at a time, however many preflights arrive while it runs.
      const load = (loading ??= listSites()
        .then((sites) => {
          const loaded = new Set(sites.flatMap((site) => site.origins));
          if (started === generation) {
            origins = loaded;
            until = now() + ttlMs;
          }
          return loaded;
        })
        .finally(() => {
          if (loading === load) loading = undefined;
        }));
      return (await load).has(origin);
    }
    return origins.has(origin);
  }
  return Object.assign(isKnown, {
    forget() {
      generation++;
      origins = undefined;
      loading = undefined;
    },
  });
}

/** {@link knownOrigins}' check, and `forget` for when this collector changed a site's origins (the next check reads them afresh). */
export type KnownOrigins = ((origin: string) => Promise<boolean>) & { forget(): void };
