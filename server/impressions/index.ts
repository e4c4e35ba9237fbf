export { impressionRoutes } from './routes.ts';
export { impressionSchema, MAX_IMPRESSIONS, type Impression } from './schemas.ts';
export { impressionsStore, type ImpressionsStore, type ShownFilters } from './store.ts';
