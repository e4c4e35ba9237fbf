export { followUpRoutes } from './routes.ts';
export { followUpsStore, type FollowUpResult, type FollowUpScope, type FollowUpsStore, type MemberNameOf, type PlaybookStepOf } from './store.ts';
export { addReplyEntry } from './reply-entry.ts';
export { noteRowSchema, timelineOf, type NoteRow } from './timeline.ts';
export { resolveByChange } from './change-entry.ts';
