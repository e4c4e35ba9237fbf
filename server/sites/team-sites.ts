import * as z from 'zod/mini';
import type { Driver } from '../db/driver.ts';
import { select } from '../db/rows.ts';

/** The ids of a team's sites: what its members read. */
export async function teamSiteIds(db: Driver, teamId: string): Promise<string[]> {
  return (await select(db, z.object({ id: z.string() }), 'sites', 'SELECT id FROM sites WHERE team_id = ? ORDER BY created_at, id', [teamId])).map((row) => row.id);
}
