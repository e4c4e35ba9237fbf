import type { ResponsePayload } from './schemas/response.ts';
import type { KeyValueStorage } from './storage.ts';

/** Where the outbox keeps its entries. */
export const OUTBOX_KEY = 'onepoint:outbox';

/** The stored form: `{ v: 1, entries: [{ payload, queuedAt }] }`. */
export interface StoredEntry {
  payload: ResponsePayload;
  queuedAt: number;
}

/** The entries of the stored form, unchecked; undefined when `stored` is not `{ v: 1, entries: [] }`. */
export function storedEntries(stored: unknown): unknown[] | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { v, entries } = stored as { v?: unknown; entries?: unknown };
  return v === 1 && Array.isArray(entries) ? entries : undefined;
}

/**
 * Writes a response state straight into the outbox's storage, keeping the highest `seq` per id,
 * without the outbox or its schemas. The widget stashes the first pick this way before the
 * delivery code has even loaded, so a tab closed at once still delivers on the next visit.
 * The outbox validates every entry when it reads them back.
 */
export function stashResponse(storage: KeyValueStorage, payload: ResponsePayload, now: number, key = OUTBOX_KEY): void {
  let entries: StoredEntry[] = [];
  try {
    entries = (storedEntries(JSON.parse(storage.getItem(key) ?? 'null')) ?? []) as StoredEntry[];
  } catch {
    // Unreadable: the outbox reports and discards such data; here it is simply replaced.
  }
  const existing = entries.find((entry) => entry?.payload?.id === payload.id);
  if (existing && existing.payload.seq > payload.seq) return;
  const others = entries.filter((entry) => entry?.payload?.id !== payload.id);
  storage.setItem(key, JSON.stringify({ v: 1, entries: [...others, { payload, queuedAt: existing?.queuedAt ?? now }] }));
}
