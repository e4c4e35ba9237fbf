import type { Driver } from './driver.ts';
import { DatabaseReadOnlyError } from './database-read-only-error.ts';

/**
 * Proves that the database takes writes now, and leaves it as it was: the collector checks it at
 * start and on every `/healthz`, because a database that still answers reads (a read-only file,
 * a standby) would otherwise look healthy while every post fails.
 *
 * SQLite: takes the write lock and writes the header's `user_version` (to the value it has)
 * inside a savepoint that is rolled back. Only a real page write meets a read-only file: the lock
 * alone is granted. Postgres: asks whether this session may write (not a standby, not read-only).
 */
export async function probeWrite(db: Driver): Promise<void> {
  if (db.dialect === 'postgres') {
    const [row] = await db.all("SELECT pg_is_in_recovery() AS standby, current_setting('transaction_read_only') AS read_only");
    if (row?.standby === true) throw new DatabaseReadOnlyError('the Postgres server is a standby (read-only)');
    if (row?.read_only !== 'off') throw new DatabaseReadOnlyError('the Postgres session is read-only (default_transaction_read_only)');
    return;
  }
  await db.transaction(async (tx) => {
    const [row] = await tx.all('PRAGMA user_version');
    const version = Number(row?.user_version);
    if (!Number.isSafeInteger(version)) throw new Error('PRAGMA user_version did not answer a number');
    await tx.run('SAVEPOINT write_probe');
    try {
      await tx.run(`PRAGMA user_version = ${version}`);
    } finally {
      await tx.run('ROLLBACK TO write_probe');
      await tx.run('RELEASE write_probe');
    }
  });
}
