/**
 * Another process holds the database's write lock (SQLite's SQLITE_BUSY). Worth retrying in a
 * moment, so the collector answers 503 with `Retry-After`, which clients retry, instead of
 * waiting with the event loop frozen.
 */
export class DatabaseBusyError extends Error {
  override readonly name = 'DatabaseBusyError' as const;

  constructor(options: { cause: unknown }) {
    super('the database is locked by another process; try again in a moment', options);
  }
}
