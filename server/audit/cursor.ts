/** Thrown for an audit cursor the store did not make. */
export class InvalidAuditCursorError extends Error {
  override readonly name = 'InvalidAuditCursorError' as const;
}

/** Where the next page of the log starts: `[at, id]` of the last entry shown, opaque to clients. */
export const encodeAuditCursor = (last: { at: number; id: string }) => Buffer.from(JSON.stringify([last.at, last.id])).toString('base64url');

// Entry ids are UUIDs (record.ts). Anything else, a NUL above all, would reach Postgres, which
// cannot take U+0000 in text and would answer 500 where SQLite compares it.
const ENTRY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * `[at, id]` back from a cursor, or `undefined` for one the store did not make. The time must be a
 * safe, non-negative integer: `1.5` or `1e400` would reach a BIGINT comparison and fail on Postgres
 * (a 500) where SQLite compares anything.
 */
export function decodeAuditCursor(cursor: string): [number, string] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [at, id]: unknown[] = value;
  return typeof at === 'number' && Number.isSafeInteger(at) && at >= 0 && typeof id === 'string' && ENTRY_ID.test(id) ? [at, id] : undefined;
}
