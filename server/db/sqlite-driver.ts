import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Driver, SqlValue } from './driver.ts';

/**
 * SQLite through better-sqlite3: one connection, WAL, a busy timeout so a second process
 * (the CLI) can write while the collector runs. Calls are synchronous underneath, so a
 * transaction holds the connection to itself until it settles.
 */
export function sqliteDriver(file: string): Driver {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
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

  const all = <T>(sql: string, params: readonly SqlValue[]) => prepare(sql).all(...params) as T[];
  const run = (sql: string, params: readonly SqlValue[]) => {
    const statement = prepare(sql);
    if (!statement.reader) return { changes: statement.run(...params).changes };
    statement.all(...params); // a statement that returns rows (RETURNING, a pragma): run for its effect
    return { changes: 0 };
  };

  // Runs now: used by a transaction's own work, and by anyone when no transaction is open.
  const immediate: Driver = {
    dialect: 'sqlite',
    all: async (sql, params = []) => all(sql, params),
    run: async (sql, params = []) => run(sql, params),
    transaction: (work) => work(immediate),
    exclusive: (work) => work(immediate),
    close: async () => undefined,
  };

  // Group commit: statements that arrive in the same turn of the event loop run in one
  // transaction, so a burst of posts pays for one commit instead of one each. A failing
  // statement rolls back alone (SQLite's statement-level rollback) and fails only its caller.
  type Pending = { run: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
  let pending: Pending[] = [];
  let scheduled = false;
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
    db.exec('BEGIN');
    for (const item of batch) {
      try {
        results.push([item, true, item.run()]);
      } catch (error) {
        results.push([item, false, error]);
      }
    }
    try {
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      for (const item of batch) item.reject(error);
      return;
    }
    for (const [item, ok, value] of results) (ok ? item.resolve : item.reject)(value);
  };
  const grouped = <T>(run: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.push({ run, resolve: resolve as (value: unknown) => void, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
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
    exclusive: (work) => shared.transaction(work),
    async close() {
      while (transactions.length) await new Promise((resolve) => setImmediate(resolve));
      await queue.catch(() => undefined);
      while (pending.length || scheduled) await new Promise((resolve) => setImmediate(resolve));
      db.close();
    },
  };

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
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      for (const item of batch) item.reject(error); // another process held the lock past the busy timeout
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
    try {
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      for (const item of batch) item.reject(error);
      return;
    }
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
