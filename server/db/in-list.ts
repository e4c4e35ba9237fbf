import type { SqlValue } from './driver.ts';

/**
 * `column IN (?, ?, …)` for a set of values, with its parameters. One value is `column = ?`, the
 * very SQL a single site always had, so its plans stay what they were; none matches nothing
 * (`IN ()` is not SQL).
 * @example inList('site_id', ['a', 'b']) // { sql: 'site_id IN (?, ?)', params: ['a', 'b'] }
 */
export function inList(column: string, values: readonly SqlValue[]): { sql: string; params: SqlValue[] } {
  if (values.length === 0) return { sql: '1 = 0', params: [] };
  if (values.length === 1) return { sql: `${column} = ?`, params: [...values] };
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] };
}
