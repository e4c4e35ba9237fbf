export { followUpRoutes } from './routes.ts';
export { followUpsStore, type FollowUpsStore } from './store.ts';
export { noteRowSchema, timelineOf, type NoteRow } from './timeline.ts';
