import type { Driver } from './driver.ts';
import { migrate } from './migrations.ts';
import { nulSafe } from './nul-text.ts';
import { postgresDriver } from './postgres-driver.ts';
import { sqliteDriver } from './sqlite-driver.ts';

/** The default database: a SQLite file next to where the collector runs. */
export const DEFAULT_DATABASE_URL = 'file:.data/onepoint.sqlite';

/**
 * Opens `DATABASE_URL`: `postgres://…` / `postgresql://…` for Postgres, `file:path` or a plain
 * path for SQLite, and applies pending migrations. Text parameters are stored the same on both
 * engines (U+0000 as U+FFFD, see {@link nulSafe}).
 */
export async function openDatabase(url: string = DEFAULT_DATABASE_URL): Promise<Driver> {
  const driver = nulSafe(/^postgres(ql)?:\/\//.test(url) ? postgresDriver(url) : sqliteDriver(url.replace(/^file:/, '')));
  try {
    await migrate(driver);
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
  return driver;
}
