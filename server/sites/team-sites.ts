import * as z from 'zod/mini';
import type { Driver } from '../db/driver.ts';
import { select } from '../db/rows.ts';

/** The ids of a team's sites: what its members read. */
export async function teamSiteIds(db: Driver, teamId: string): Promise<string[]> {
  return (await select(db, z.object({ id: z.string() }), 'sites', 'SELECT id FROM sites WHERE team_id = ? ORDER BY created_at, id', [teamId])).map((row) => row.id);
}

/** The team that owns a site, or `undefined` when there is no such site. */
export async function teamOfSite(db: Driver, siteId: string): Promise<string | undefined> {
  const row = await select(db, z.object({ team_id: z.nullable(z.string()) }), 'sites', 'SELECT team_id FROM sites WHERE id = ?', [siteId]);
  return row[0]?.team_id ?? undefined;
}
