import * as z from 'zod/mini';
import { SEGMENTS, type Segment } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { inList } from '../db/in-list.ts';
import { int, nullableInt, select, selectOne } from '../db/rows.ts';

// What reminders and the digest ask of responses (SPEC §10's "overdue": not resolved or not
// needed, and past its due date). Test responses never remind anyone.

/** An open follow-up as a reminder lists it. */
export interface OpenFollowUp {
  id: string;
  siteId: string;
  score: number;
  segment: Segment;
  comment: string | null;
  ownerId: string | null;
  owner: string | null;
  dueAt: number;
}

const openRow = z.object({
  id: z.string(),
  site_id: z.string(),
  score: int,
  segment: z.enum(SEGMENTS),
  comment: z.nullable(z.string()),
  follow_up_owner_id: z.nullable(z.string()),
  follow_up_owner: z.nullable(z.string()),
  due_at: int,
});

const OPEN = "follow_up_status IN ('new', 'contacted') AND test = 0";

/** Open follow-ups of the sites due in `[from, to)` (epoch ms), soonest first; at most `limit`. */
export async function openFollowUpsDue(db: Driver, siteIds: readonly string[], from: number, to: number, limit = 500): Promise<OpenFollowUp[]> {
  const sites = inList('site_id', siteIds);
  const rows = await select(
    db,
    openRow,
    'responses',
    `SELECT id, site_id, score, segment, comment, follow_up_owner_id, follow_up_owner, due_at FROM responses
     WHERE ${sites.sql} AND ${OPEN} AND due_at >= ? AND due_at < ? ORDER BY due_at, id LIMIT ${Math.floor(limit)}`,
    [...sites.params, from, to],
  );
  return rows.map((row) => ({ id: row.id, siteId: row.site_id, score: row.score, segment: row.segment, comment: row.comment, ownerId: row.follow_up_owner_id, owner: row.follow_up_owner, dueAt: row.due_at }));
}

/** How many follow-ups of the sites are overdue at `at`. */
export async function overdueCount(db: Driver, siteIds: readonly string[], at: number): Promise<number> {
  const sites = inList('site_id', siteIds);
  const row = await selectOne(db, z.object({ n: nullableInt }), 'responses', `SELECT COUNT(*) AS n FROM responses WHERE ${sites.sql} AND ${OPEN} AND due_at < ?`, [...sites.params, at]);
  return row?.n ?? 0;
}
