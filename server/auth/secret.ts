import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import type { Driver } from '../db/driver.ts';
import { selectOne } from '../db/rows.ts';

/**
 * The key that signs session cookies: `AUTH_SECRET` when set (≥ 32 characters), otherwise one
 * made on first start and kept in the database, so that every collector on one Postgres signs
 * alike and a restart keeps people signed in. The first of two collectors starting together wins.
 */
export async function authSecret(db: Driver, fromEnv?: string): Promise<string> {
  if (fromEnv) return fromEnv;
  const read = () => selectOne(db, z.object({ value: z.string().check(z.minLength(32)) }), 'collector_settings', "SELECT value FROM collector_settings WHERE key = 'auth_secret'");
  const found = await read();
  if (found) return found.value;
  await db.run("INSERT INTO collector_settings (key, value) VALUES ('auth_secret', ?) ON CONFLICT (key) DO NOTHING", [randomBytes(32).toString('base64url')]);
  const made = await read();
  if (!made) throw new Error('the auth secret could not be stored');
  return made.value;
}
