import type { ListSort } from '../../sdk/index.ts';
import { sortPlan } from './sort.ts';

/** Thrown for a cursor the store did not make. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError' as const;
}

/**
 * A page's cursor: where the next page starts, the sort's values of the last row shown —
 * `[receivedAt, id]` for the default order (as before sorts existed), `['score', score,
 * receivedAt, id]` or `['due', dueAt, id]` for the others.
 */
export const encodeCursor = (key: readonly (number | string)[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

/**
 * The values back from a cursor of `sort`, or `undefined` for one this store did not make (or
 * made for another sort). Times must be safe, non-negative integers: `1.5`, `1e300` or `1e400`
 * (Infinity) would otherwise reach a BIGINT comparison and fail on Postgres (a 500) while SQLite
 * shrugs.
 */
export function decodeCursor(cursor: string, sort: ListSort = 'received'): (number | string)[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  const key: unknown[] = value;
  return sortPlan(sort).fits(key) ? key : undefined;
}
