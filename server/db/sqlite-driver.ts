import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseBusyError } from './database-busy-error.ts';
import type { Driver, Row, SqlValue } from './driver.ts';

/** How long a statement waits for another process's lock, unless told otherwise. */
export const DEFAULT_LOCK_WAIT_MS = 5000;
/** How often a statement that met a lock tries again. */
const RETRY_MS = 10;

/** How a SQLite connection behaves when another process holds the lock. */
export interface SqliteOptions {
  /**
   * How long a statement waits for another process's write lock before it fails with
   * {@link DatabaseBusyError}. The wait never blocks: SQLite's own busy timeout (a synchronous
   * sleep that would freeze every request) is off, and a locked statement is tried again every
   * few milliseconds from the event loop. A server wants a short wait and a quick 503; a CLI can
   * afford seconds. `exclusive()` (migrations) waits at least {@link DEFAULT_LOCK_WAIT_MS}.
   * @default 5000
   */
  lockWaitMs?: number;
}

/**
 * SQLite through better-sqlite3: one connection, WAL, waits for another process's lock (the CLI
 * writing while the collector runs) that never block the event loop. Calls are synchronous
 * underneath, so a transaction holds the connection to itself until it settles.
 */
export function sqliteDriver(file: string, options: SqliteOptions = {}): Driver {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const lockWaitMs = Math.max(0, options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 0');
  db.pragma('foreign_keys = ON');
  let queue: Promise<unknown> = Promise.resolve();

  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const all = (sql: string, params: readonly SqlValue[]): Row[] => prepare(sql).all(...params).map(asRow);
  const run = (sql: string, params: readonly SqlValue[]) => {
    const statement = prepare(sql);
    if (!statement.reader) return { changes: statement.run(...params).changes };
    statement.all(...params); // a statement that returns rows (RETURNING, a pragma): run for its effect
    return { changes: 0 };
  };

  /** COMMIT a batch; when that fails nothing in it stands, so each caller hears why. */
  const commit = (batch: readonly { reject: (error: unknown) => void }[]): boolean => {
    try {
      db.exec('COMMIT');
      return true;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      for (const item of batch) item.reject(asBusy(error));
      return false;
    }
  };

  // Runs now: used by a transaction's own work, and by anyone when no transaction is open.
  const immediate: Driver = {
    dialect: 'sqlite',
    all: async (sql, params = []) => failFast(() => all(sql, params)),
    run: async (sql, params = []) => failFast(() => run(sql, params)),
    transaction: (work) => work(immediate),
    exclusive: (work) => work(immediate),
    close: async () => undefined,
  };

  // Group commit: statements that arrive in the same turn of the event loop run in one
  // transaction, so a burst of posts pays for one commit instead of one each. A failing
  // statement rolls back alone (SQLite's statement-level rollback) and fails only its caller.
  // A statement that meets another process's lock had no effect: it waits for a later batch.
  type Pending = { run: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void; until: number };
  let pending: Pending[] = [];
  let scheduled = false;
  let waiting: Pending[] = [];
  let retryTimer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  const later = (item: Pending, cause: unknown) => {
    if (Date.now() >= item.until) {
      item.reject(new DatabaseBusyError({ cause }));
      return;
    }
    waiting.push(item);
    retryTimer ??= setTimeout(() => {
      retryTimer = undefined;
      pending.push(...waiting);
      waiting = [];
      schedule();
    }, RETRY_MS);
  };
  const flush = () => {
    scheduled = false;
    if (db.inTransaction) {
      // A transaction() is awaiting inside; go after it.
      scheduled = true;
      void queue.then(flush, flush);
      return;
    }
    const batch = pending;
    pending = [];
    const results: [Pending, boolean, unknown][] = [];
    const locked: Pending[] = [];
    let lock: unknown;
    db.exec('BEGIN');
    for (const item of batch) {
      try {
        results.push([item, true, item.run()]);
      } catch (error) {
        if (!isBusy(error)) {
          results.push([item, false, error]);
          continue;
        }
        lock = error;
        locked.push(item);
      }
    }
    if (!commit(batch)) return;
    for (const [item, ok, value] of results) (ok ? item.resolve : item.reject)(value);
    for (const item of locked) later(item, lock);
  };
  const grouped = <T>(run: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.push({ run, resolve: resolve as (value: unknown) => void, reject, until: Date.now() + lockWaitMs });
      schedule();
    });

  const shared: Driver = {
    dialect: 'sqlite',
    all: (sql, params = []) => grouped(() => all(sql, params)),
    run: (sql, params = []) => grouped(() => run(sql, params)),
    transaction: (work) =>
      new Promise((resolve, reject) => {
        transactions.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (transactions.length === 1) setImmediate(() => void serial(commitTransactions));
      }),
    // One immediate transaction around the whole of `work`: another process waits on the lock.
    // Used before serving (migrations), so it may wait long whatever the option says.
    exclusive: (work) => immediateTransaction(work, Math.max(lockWaitMs, DEFAULT_LOCK_WAIT_MS)),
    async close() {
      while (transactions.length) await new Promise((resolve) => setImmediate(resolve));
      await queue.catch(() => undefined);
      while (pending.length || scheduled || waiting.length) await new Promise((resolve) => setTimeout(resolve, 1));
      db.close();
    },
  };

  /** `BEGIN IMMEDIATE`, waiting for another process's lock without blocking the event loop. */
  async function beginImmediate(waitMs: number): Promise<void> {
    const until = Date.now() + waitMs;
    // Taking the write lock is where another process's lock is met; waiting here lets the
    // event loop (and batches of reads) run on.
    for (;;) {
      try {
        db.exec('BEGIN IMMEDIATE');
        return;
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (Date.now() >= until) throw new DatabaseBusyError({ cause: error });
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  function immediateTransaction<T>(work: (tx: Driver) => Promise<T>, waitMs: number): Promise<T> {
    return serial(async () => {
      await beginImmediate(waitMs);
      try {
        const result = await work(immediate);
        failFast(() => db.exec('COMMIT'));
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  // Group commit for transactions too: those that arrive in the same turn share one immediate
  // transaction, each in its own savepoint, so one that fails rolls back alone and a burst pays
  // for one commit. Each settles only once the commit that holds it is done.
  type PendingTransaction = { work: (tx: Driver) => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };
  let transactions: PendingTransaction[] = [];
  async function commitTransactions() {
    const batch = transactions;
    transactions = [];
    const results: [PendingTransaction, boolean, unknown][] = [];
    try {
      await beginImmediate(lockWaitMs);
    } catch (error) {
      for (const item of batch) item.reject(error); // another process held the lock past the wait
      return;
    }
    for (const item of batch) {
      db.exec('SAVEPOINT work');
      try {
        const value = await item.work(immediate);
        db.exec('RELEASE work');
        results.push([item, true, value]);
      } catch (error) {
        if (!db.inTransaction) {
          // SQLite gave the whole transaction up (a full disk, an I/O error): nothing in it stands.
          for (const other of batch) other.reject(error);
          return;
        }
        db.exec('ROLLBACK TO work');
        db.exec('RELEASE work');
        results.push([item, false, error]);
      }
    }
    if (!commit(batch)) return;
    for (const [item, ok, value] of results) (ok ? item.resolve : item.reject)(value);
  }

  // Transactions queue behind each other.
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  return shared;
}

/** SQLite's "database is locked", in each of its variants (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, …). */
function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY');
}

/** `error`, as a {@link DatabaseBusyError} when it is SQLite's "database is locked". */
function asBusy(error: unknown): unknown {
  return isBusy(error) ? new DatabaseBusyError({ cause: error }) : error;
}

/** Runs `work` where waiting is not possible; a lock met there fails as {@link DatabaseBusyError}. */
function failFast<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw asBusy(error);
  }
}

/** better-sqlite3 hands back one plain object per row (statements are never `raw()` here). */
function asRow(value: unknown): Row {
  if (typeof value !== 'object' || value === null) throw new TypeError('SQLite returned a row that is not an object');
  return Object.fromEntries(Object.entries(value));
}
