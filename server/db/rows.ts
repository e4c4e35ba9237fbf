import * as z from 'zod/mini';
import { toFieldIssues } from '../../sdk/index.ts';
import type { Driver, SqlValue } from './driver.ts';

/**
 * A row that is not what its table's schema says: hand-edited, or written by a newer or broken
 * version. Names the table and each column, so the log says where to look.
 */
export class RowShapeError extends Error {
  override readonly name = 'RowShapeError' as const;
  constructor(
    readonly table: string,
    readonly columns: string[],
    message: string,
  ) {
    super(`a row of ${table} does not fit its schema: ${message}`);
  }
}

/** Parses rows the database handed back; throws {@link RowShapeError} naming the column. */
export function parseRows<S extends z.ZodMiniType>(schema: S, rows: readonly unknown[], table: string): z.output<S>[] {
  return rows.map((row) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    const issues = toFieldIssues(parsed.error.issues);
    throw new RowShapeError(table, issues.map((issue) => issue.path), issues.map((issue) => `${issue.path} ${issue.message}`).join('; '));
  });
}

/** `SELECT …` through `db`, each row parsed by `schema` (never cast). */
export async function select<S extends z.ZodMiniType>(db: Driver, schema: S, table: string, sql: string, params: readonly SqlValue[] = []): Promise<z.output<S>[]> {
  return parseRows(schema, await db.all(sql, params), table);
}

/** The first row of {@link select}, or `undefined`. */
export async function selectOne<S extends z.ZodMiniType>(db: Driver, schema: S, table: string, sql: string, params: readonly SqlValue[] = []): Promise<z.output<S> | undefined> {
  return (await select(db, schema, table, sql, params))[0];
}

// Column types as both engines hand them back. node-postgres gives BIGINT as a number (the
// driver's type parser) but SUM() and COUNT() over BIGINT as NUMERIC text; SQLite gives numbers.

/** An integer column: a number, or the decimal text Postgres uses for NUMERIC aggregates. */
export const int = z.pipe(
  z.union([z.int(), z.string().check(z.regex(/^-?\d+$/, { message: 'must be an integer' }))]),
  z.transform((value) => Number(value)),
);
/** An integer column that may be NULL. */
export const nullableInt = z.nullable(int);
/** A 0/1 column (both engines store booleans as INTEGER). */
export const flag = z.pipe(z.union([z.literal(0), z.literal(1)]), z.transform((value) => value === 1));
/** A TEXT column holding JSON that the store wrote; parsed, then checked by `schema`. */
export function jsonText<S extends z.ZodMiniType>(schema: S) {
  return z.pipe(
    z.string().check(z.refine((text) => isJson(text), { message: 'must be JSON' })),
    z.pipe(z.transform((text: string): unknown => JSON.parse(text)), schema),
  );
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
