export { changeRoutes } from './routes.ts';
export { changesStore, type ChangeResult, type ChangeScope, type ChangesStore, type PublishResult } from './store.ts';
export { NO_EFFECTS, type ChangeEffects, type ChangeMail, type FanOut, type LoopClosedEvent, type QueueMail } from './effects.ts';
export { noticesStore, type Notice, type NoticesStore } from './notices.ts';
export { noticeRoutes } from './notice-routes.ts';
