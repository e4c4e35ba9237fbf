/** The SQL engines the collector speaks. */
export type Dialect = 'sqlite' | 'postgres';

export type SqlValue = string | number | null;

/** A row as a driver returns it: column name → value, unchecked. */
export type Row = Record<string, unknown>;

/**
 * What the store needs from a database: parameterised queries with `?` placeholders (rewritten
 * per dialect), transactions, a lock for migrations, and a close that waits for work in flight.
 */
export interface Driver {
  readonly dialect: Dialect;
  /** Rows as the engine hands them back: parse them (`db/rows.ts`), never cast. */
  all(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  transaction<T>(work: (tx: Driver) => Promise<T>): Promise<T>;
  /** Runs `work` with the driver it is handed, while no other process does the same (migrations). */
  exclusive<T>(work: (driver: Driver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * `?` → `$1, $2, …` for Postgres. Placeholders inside string literals are left alone; the
 * store never builds SQL from input, so literals are only ever the store's own.
 */
export function toDialect(sql: string, dialect: Dialect): string {
  if (dialect === 'sqlite') return sql;
  let index = 0;
  let inString = false;
  let out = '';
  for (const char of sql) {
    if (char === "'") inString = !inString;
    out += char === '?' && !inString ? `$${++index}` : char;
  }
  return out;
}
