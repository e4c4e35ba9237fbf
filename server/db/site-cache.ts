import type { Site, Store } from './store.ts';

/**
 * Remembers site lookups by public key for a few seconds: every public request needs its site,
 * and sites change rarely. A key that is not found is not cached, so a new site works at once;
 * a changed allow-list takes effect within `ttlMs`.
 */
export function cachingSites(store: Store, ttlMs = 5000, now: () => number = Date.now): Store {
  const cache = new Map<string, { site: Site; until: number }>();
  return {
    ...store,
    async siteByPublicKey(publicKey) {
      const hit = cache.get(publicKey);
      if (hit && hit.until > now()) return hit.site;
      const site = await store.siteByPublicKey(publicKey);
      if (site) {
        if (cache.size > 10_000) cache.clear();
        cache.set(publicKey, { site, until: now() + ttlMs });
      } else cache.delete(publicKey);
      return site;
    },
  };
}
