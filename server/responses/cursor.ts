/** Thrown for a cursor the store did not make. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError' as const;
}

/** A page's cursor: where the next page starts, `[receivedAt, id]` of the last row shown. */
export const encodeCursor = (row: { received_at: number; id: string }) => Buffer.from(JSON.stringify([row.received_at, row.id])).toString('base64url');

/**
 * `[receivedAt, id]` back from a cursor, or `undefined` for one this store did not make. The time
 * must be a safe, non-negative integer: `1.5`, `1e300` or `1e400` (Infinity) would otherwise reach
 * a BIGINT comparison and fail on Postgres (a 500) while SQLite shrugs.
 */
export function decodeCursor(cursor: string): [number, string] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [time, id]: unknown[] = value;
  return typeof time === 'number' && Number.isSafeInteger(time) && time >= 0 && typeof id === 'string' ? [time, id] : undefined;
}
