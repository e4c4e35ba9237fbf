import * as z from 'zod/mini';
import type { Driver } from '../db/driver.ts';
import { select, selectOne } from '../db/rows.ts';

/** The ids of a team's sites: what its members read. */
export async function teamSiteIds(db: Driver, teamId: string): Promise<string[]> {
  return (await select(db, z.object({ id: z.string() }), 'sites', 'SELECT id FROM sites WHERE team_id = ? ORDER BY created_at, id', [teamId])).map((row) => row.id);
}

/** The team a site belongs to (every site has one since migration 7). */
export async function siteTeamId(db: Driver, siteId: string): Promise<string | undefined> {
  return (await selectOne(db, z.object({ team_id: z.nullable(z.string()) }), 'sites', 'SELECT team_id FROM sites WHERE id = ?', [siteId]))?.team_id ?? undefined;
}
