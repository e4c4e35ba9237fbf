import type { Site } from './site.ts';
import type { SitesStore } from './store.ts';

/**
 * Remembers site lookups by public key for a few seconds: every public request needs its site,
 * and sites change rarely. A key that is not found is not cached, so a new site works at once;
 * a changed allow-list (or team SLA) takes effect within `ttlMs`, and at once when it was changed
 * through this store (`updateSite` drops the site's entry).
 */
export function cachingSites<S extends SitesStore>(store: S, ttlMs = 5000, now: () => number = Date.now): S {
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
    async updateSite(teamId, id, change) {
      const changed = await store.updateSite(teamId, id, change);
      // A site's public key never changes, so its entry is the only one that can be stale.
      if (changed) cache.delete(changed.after.publicKey);
      return changed;
    },
  };
}
