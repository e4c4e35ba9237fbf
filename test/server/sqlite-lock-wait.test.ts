import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseBusyError } from '../../server/db/database-busy-error.ts';
import { sqliteDriver } from '../../server/db/sqlite-driver.ts';

const dir = mkdtempSync(join(tmpdir(), 'onepoint-lock-wait-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A driver over a fresh file, and a second connection (another writer) that can take the write lock. */
function setup(name: string, lockWaitMs: number) {
  const file = join(dir, `${name}.sqlite`);
  const driver = sqliteDriver(file, { lockWaitMs });
  const other = new Database(file);
  other.exec('CREATE TABLE t (n INTEGER)');
  return { driver, other };
}

describe('SQLite: waiting for another writer’s lock', () => {
  it('a write waits without blocking: reads and timers go on, and the write lands once the lock is released', async () => {
    const { driver, other } = setup('absorbed', 60_000);
    try {
      other.exec('BEGIN IMMEDIATE');
      const events: string[] = [];
      const write = driver.run('INSERT INTO t (n) VALUES (1)').then(() => events.push('write'));
      const inTransaction = driver.transaction((tx) => tx.run('INSERT INTO t (n) VALUES (2)')).then(() => events.push('transaction'));
      // While both wait: a read answers and a timer fires, so the event loop is free.
      expect(await driver.all('SELECT COUNT(*) AS n FROM t')).toEqual([{ n: 0 }]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      events.push('released');
      other.exec('COMMIT');
      await Promise.all([write, inTransaction]);
      expect(events.slice(0, 1)).toEqual(['released']);
      expect(await driver.all('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }]);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      await driver.close();
    }
  });

  it('past its wait, a write and a transaction fail as DatabaseBusyError, and nothing is written', async () => {
    const { driver, other } = setup('expired', 20);
    try {
      other.exec('BEGIN IMMEDIATE');
      await expect(driver.run('INSERT INTO t (n) VALUES (1)')).rejects.toBeInstanceOf(DatabaseBusyError);
      await expect(driver.transaction((tx) => tx.run('INSERT INTO t (n) VALUES (2)'))).rejects.toBeInstanceOf(DatabaseBusyError);
      other.exec('COMMIT');
      expect(await driver.all('SELECT n FROM t')).toEqual([]);
      await driver.run('INSERT INTO t (n) VALUES (3)');
      expect(await driver.all('SELECT n FROM t')).toEqual([{ n: 3 }]);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      await driver.close();
    }
  });
});
