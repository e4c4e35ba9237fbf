export { followUpRoutes } from './routes.ts';
export { followUpsStore, type FollowUpResult, type FollowUpScope, type FollowUpsStore, type MemberNameOf, type PlaybookStepOf } from './store.ts';
export { noteRowSchema, timelineOf, type NoteRow } from './timeline.ts';
