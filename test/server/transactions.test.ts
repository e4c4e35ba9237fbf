import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from '../../server/db/driver.ts';
import { openDatabase } from '../../server/db/open.ts';
import { ENGINES, freshDatabase } from '../helpers/collector.ts';

describe.each(ENGINES)('transactions on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL', () => undefined);
    return;
  }
  let db: Driver;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await freshDatabase(name);
    drop = database.drop;
    db = await openDatabase(database.url);
    await db.run("INSERT INTO sites (id, name, public_key, secret_hash, origins, created_at) VALUES ('s', 'Shop', 'pk_s', 'hash', '[]', 0)");
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  it('started together (SQLite commits them as one group), each commits or rolls back on its own', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.run("INSERT INTO dismissals (site_id, user_id, dismissed_at) VALUES ('s', ?, ?)", [`user-${i}`, i]);
          await tx.run("INSERT INTO dismissals (site_id, user_id, dismissed_at) VALUES ('s', ?, ?)", [`user-${i}-b`, i]);
          if (i === 7) throw new Error('seven fails after its writes');
          return i;
        }),
      ),
    );
    expect(results[7]).toEqual({ status: 'rejected', reason: new Error('seven fails after its writes') });
    expect(results.filter((result) => result.status === 'fulfilled').map((result) => result.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const rows = await db.all("SELECT user_id FROM dismissals WHERE site_id = 's' ORDER BY dismissed_at, user_id");
    expect(rows).toHaveLength(38);
    expect(rows.some((row) => String(row.user_id).startsWith('user-7'))).toBe(false);
  });
});
