export { publicGate, type PublicDeps } from './admit.ts';
export { hashSecret, newKey, sameHash } from './keys.ts';
export { requireSecretKey, bearerToken, type AdminEnv } from './require-secret.ts';
export { cachingSites } from './site-cache.ts';
export { siteRowSchema, type Site } from './site.ts';
export { sitesStore, type SitesStore } from './store.ts';
