import type { ListSort } from '../../sdk/index.ts';
import type { SqlValue } from '../db/driver.ts';
import type { ResponseRow } from './record.ts';

/** The columns one site's page reads: the row's own (`r.`), or the side table's that drives it. */
export interface OrderColumns {
  at: string;
  id: string;
}

/**
 * How a list is ordered and where its next page starts (a keyset, never an offset): each sort is
 * a total order (ties end on the id), so a page boundary is one row's values and no response is
 * shown twice or skipped, however many arrive meanwhile.
 */
export interface SortPlan {
  /** `ORDER BY` of one site's page, over its columns. */
  orderBy(columns: OrderColumns): string;
  /** `ORDER BY` of the page's rows, read back from `responses` itself. */
  rowsOrderBy: string;
  /** The condition "after this cursor", over one site's columns, with its parameters. */
  after(columns: OrderColumns, key: readonly SqlValue[]): { sql: string; params: SqlValue[] };
  /** The cursor's values for the last row of a page. */
  keyOf(row: ResponseRow): (number | string)[];
  /** Whether `key`, read back from a cursor, has this sort's shape. */
  fits(key: readonly unknown[]): key is (number | string)[];
}

const time = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isId = (value: unknown) => typeof value === 'string';
// Due dates written before migration 5 are empty: such a response is due when it arrived (record.ts).
const DUE = 'COALESCE(r.due_at, r.received_at)';

const PLANS: Record<ListSort, SortPlan> = {
  // Newest first: today's order, over the index each site's page reads (or its side table's).
  received: {
    orderBy: ({ at, id }) => `${at} DESC, ${id} DESC`,
    rowsOrderBy: 'received_at DESC, id DESC',
    after: ({ at, id }, [received, rowId]) => ({ sql: `(${at} < ? OR (${at} = ? AND ${id} < ?))`, params: [received ?? 0, received ?? 0, rowId ?? ''] }),
    keyOf: (row) => [row.received_at, row.id],
    fits: (key): key is (number | string)[] => key.length === 2 && time(key[0]) && isId(key[1]),
  },
  // Lowest score first (the detractors a team calls first), newest first within a score.
  score: {
    orderBy: () => 'r.score ASC, r.received_at DESC, r.id DESC',
    rowsOrderBy: 'score ASC, received_at DESC, id DESC',
    after: (_columns, [score, received, rowId]) => ({
      sql: '(r.score > ? OR (r.score = ? AND (r.received_at < ? OR (r.received_at = ? AND r.id < ?))))',
      params: [score ?? 0, score ?? 0, received ?? 0, received ?? 0, rowId ?? ''],
    }),
    keyOf: (row) => ['score', row.score, row.received_at, row.id],
    fits: (key): key is (number | string)[] => key.length === 4 && key[0] === 'score' && Number.isInteger(key[1]) && time(key[2]) && isId(key[3]),
  },
  // Soonest due first: what must be answered next, overdue on top.
  due: {
    orderBy: () => `${DUE} ASC, r.id ASC`,
    rowsOrderBy: 'COALESCE(due_at, received_at) ASC, id ASC',
    after: (_columns, [due, rowId]) => ({ sql: `(${DUE} > ? OR (${DUE} = ? AND r.id > ?))`, params: [due ?? 0, due ?? 0, rowId ?? ''] }),
    keyOf: (row) => ['due', row.due_at ?? row.received_at, row.id],
    fits: (key): key is (number | string)[] => key.length === 3 && key[0] === 'due' && time(key[1]) && isId(key[2]),
  },
};

/** The plan of a sort. */
export const sortPlan = (sort: ListSort): SortPlan => PLANS[sort];

/** A cursor's values without its sort's tag (`score`, `due`): what {@link SortPlan.after} takes. */
export const keyValues = (sort: ListSort, key: readonly SqlValue[]): SqlValue[] => (sort === 'received' ? [...key] : key.slice(1));
