export { builtInViews } from './built-in.ts';
export { viewPaths, viewSchemas } from './openapi.ts';
export { viewRoutes, type ViewRoutesDeps } from './routes.ts';
export { savedViewsStore, type SavedViewsStore, type StoredView } from './store.ts';
