export { eligibilityRoutes } from './routes.ts';
export { dismissalSchema, eligibilityQuerySchema } from './schemas.ts';
export { eligibilityStore, type Activity, type EligibilityStore } from './store.ts';
