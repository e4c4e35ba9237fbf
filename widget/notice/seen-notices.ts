import type { KeyValueStorage } from '../../sdk/storage.ts';

const KEY = 'onepoint:notices-seen';
/** How many seen ids this browser keeps: a person gets a few notices a year, not hundreds. */
const KEEP = 20;

/** The notice ids this browser has shown (so a report that did not arrive never shows it twice). */
export function seenNotices(storage: KeyValueStorage): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** Remembers that `id` was shown. */
export function rememberSeen(storage: KeyValueStorage, id: string): void {
  storage.setItem(KEY, JSON.stringify([...seenNotices(storage).filter((known) => known !== id), id].slice(-KEEP)));
}

/**
 * Tells the collector the notice was seen (`POST /v1/notices/:id/seen`), as text/plain so the
 * browser sends it without a preflight, kept alive past a navigation. Best effort: a report that
 * fails is sent again on the next visit, since the collector still lists the notice.
 */
export function reportSeen(fetcher: typeof fetch, input: { endpoint: string; siteKey: string; userId: string; id: string }): Promise<void> {
  const url = `${input.endpoint.replace(/\/+$/, '')}/v1/notices/${encodeURIComponent(input.id)}/seen`;
  return fetcher(url, { method: 'POST', body: JSON.stringify({ siteKey: input.siteKey, userId: input.userId }), headers: { 'content-type': 'text/plain' }, keepalive: true }).then(
    () => undefined,
    () => undefined,
  );
}
