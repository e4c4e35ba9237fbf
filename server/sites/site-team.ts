import * as z from 'zod/mini';
import type { Driver } from '../db/driver.ts';
import { selectOne } from '../db/rows.ts';

/** The team that owns a site, or `undefined` for no such site; through `db`, so it can run in a caller's transaction. */
export async function siteTeamId(db: Driver, siteId: string): Promise<string | undefined> {
  return (await selectOne(db, z.object({ team_id: z.string() }), 'sites', 'SELECT team_id FROM sites WHERE id = ?', [siteId]))?.team_id;
}
