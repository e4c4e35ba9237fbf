export { DEFAULT_PLAYBOOKS } from './defaults.ts';
export { playbookPaths, playbookSchemas } from './openapi.ts';
export { playbookRoutes } from './routes.ts';
export { playbooksStore, playbookStep, type PlaybooksStore } from './store.ts';
