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

  // Runs now: used by a transaction's own work, and by anyone when no transaction is open.
  const immediate: Driver = {
    dialect: 'sqlite',
    async all<T>(sql: string, params: readonly SqlValue[] = []) {
      return prepare(sql).all(...params) as T[];
    },
    async run(sql, params = []) {
      const statement = prepare(sql);
      if (!statement.reader) return { changes: statement.run(...params).changes };
      statement.all(...params);
      return { changes: 0 };
    },
    transaction: (work) => work(immediate),
    exclusive: (work) => work(immediate),
    close: async () => undefined,
  };

  // Statements are atomic and synchronous; only a transaction that awaits can be interleaved,
  // so while one is open, everyone else waits for it.
  const afterTransactions = async () => {
    while (db.inTransaction) await queue.catch(() => undefined);
  };

  const shared: Driver = {
    dialect: 'sqlite',
    async all<T>(sql: string, params: readonly SqlValue[] = []) {
      await afterTransactions();
      return immediate.all<T>(sql, params);
    },
    async run(sql, params = []) {
      await afterTransactions();
      return immediate.run(sql, params);
    },
    transaction: (work) =>
      serial(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(immediate);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    // One immediate transaction around the whole of `work`: another process waits on the lock.
    exclusive: (work) => shared.transaction(work),
    async close() {
      await queue.catch(() => undefined);
      db.close();
    },
  };

  // Transactions queue behind each other.
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  return shared;
}
