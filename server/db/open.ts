import type { Driver } from './driver.ts';
import { migrate } from './migrations.ts';
import { nulSafe } from './nul-text.ts';
import { postgresDriver } from './postgres-driver.ts';
import { sqliteDriver, type SqliteOptions } from './sqlite-driver.ts';

/** The default database: a SQLite file next to where the collector runs. */
export const DEFAULT_DATABASE_URL = 'file:.data/onepoint.sqlite';

/**
 * Opens `DATABASE_URL`: `postgres://…` / `postgresql://…` for Postgres, `file:path` or a plain
 * path for SQLite, and applies pending migrations. Text parameters are stored the same on both
 * engines (U+0000 as U+FFFD, see {@link nulSafe}). `options` apply to SQLite only (the collector
 * waits for another process's lock far less than the CLI does).
 */
export async function openDatabase(url: string = DEFAULT_DATABASE_URL, options: SqliteOptions = {}): Promise<Driver> {
  const driver = nulSafe(isPostgresUrl(url) ? postgresDriver(url) : sqliteDriver(sqlitePath(url), options));
  try {
    await migrate(driver);
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
  return driver;
}

/** Whether `url` names a Postgres database (otherwise it is a SQLite file). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** The SQLite file `url` names (`file:path` or a plain path). */
export function sqlitePath(url: string): string {
  return url.replace(/^file:/, '');
}
