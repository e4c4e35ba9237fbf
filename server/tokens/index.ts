export { tokenRoutes } from './routes.ts';
export { LAST_USED_EVERY_MS, tokensStore, type TokenIdentity, type TokensStore } from './store.ts';
export type { StoredToken } from './token-row.ts';
