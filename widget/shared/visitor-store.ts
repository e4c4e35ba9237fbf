import { parseVisitorState, type VisitorState } from '../../sdk/eligibility.ts';
import type { KeyValueStorage } from '../../sdk/storage.ts';
import { OUTBOX_KEY } from '../../sdk/outbox-store.ts';

// Shared by the loader and the UI chunk, so it imports nothing heavy.
const VISITOR = 'onepoint:visitor';
const SHOWN = 'onepoint:shown';
const ANONYMOUS_ID = 'onepoint:anonymous-id';

export function readVisitor(storage: KeyValueStorage): VisitorState {
  return parseVisitorState(storage.getItem(VISITOR));
}

export function updateVisitor(storage: KeyValueStorage, patch: VisitorState): void {
  storage.setItem(VISITOR, JSON.stringify({ ...readVisitor(storage), ...patch }));
}

/** Surveys shown in this browsing session (kept in sessionStorage). */
export function shownThisSession(session: KeyValueStorage): number {
  const count = Number(session.getItem(SHOWN));
  return Number.isInteger(count) && count > 0 ? count : 0;
}

export function countShown(session: KeyValueStorage): void {
  session.setItem(SHOWN, String(shownThisSession(session) + 1));
}

/** A random id for this browser, made once; never a cookie. */
export function anonymousId(storage: KeyValueStorage, make: () => string): string {
  const existing = storage.getItem(ANONYMOUS_ID);
  if (existing && /^[\w-]{8,128}$/.test(existing)) return existing;
  const id = make();
  storage.setItem(ANONYMOUS_ID, id);
  return id;
}

/** Whether a response is waiting in the outbox (the loader then fetches the UI to deliver it). */
export function hasPendingResponses(storage: KeyValueStorage): boolean {
  return storage.getItem(OUTBOX_KEY) !== null;
}
