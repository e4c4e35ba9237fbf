export { publicGate, type PublicDeps } from './admit.ts';
export { siteKeyPrincipal, SITE_KEY_ROLE } from './site-key-principal.ts';
export { bearerToken } from './bearer-token.ts';
export { hashSecret, newKey, sameHash } from './keys.ts';
export { cachingSites } from './site-cache.ts';
export { SITE_COLUMNS, siteRowSchema, type Site } from './site.ts';
export { sitesStore, type SitesStore } from './store.ts';
export { UnknownTeamError } from './unknown-team-error.ts';
export { siteRoutes, siteView, type SiteRouteDeps } from './routes.ts';
