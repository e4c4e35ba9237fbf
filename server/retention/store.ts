import * as z from 'zod/mini';
import { RETENTION_MODES, type Retention } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { inList } from '../db/in-list.ts';
import { int, nullableInt, select, selectOne } from '../db/rows.ts';

const DAY_MS = 86_400_000;

const retentionRow = z.object({ id: z.string(), retention_days: nullableInt, retention_mode: z.enum(RETENTION_MODES), retention_swept_before: nullableInt });
const idRow = z.object({ id: z.string() });
const countRow = z.object({ n: int });

/** What one sweep did, per site. */
export interface SweepOutcome {
  anonymised: number;
  deleted: number;
}

/** The site's retention, or `undefined` when `siteId` is not one of `siteIds` (another team's site does not exist). */
export async function setRetention(db: Driver, siteIds: readonly string[], siteId: string, retention: Retention): Promise<Retention | undefined> {
  if (!siteIds.includes(siteId)) return undefined;
  // A changed setting starts the sweeps afresh: switched to delete, what they anonymised goes too.
  const { changes } = await db.run('UPDATE sites SET retention_days = ?, retention_mode = ?, retention_swept_before = NULL WHERE id = ?', [retention.days, retention.mode, siteId]);
  return changes > 0 ? { days: retention.days, mode: retention.mode } : undefined;
}

/** The site's retention as stored, or `undefined` outside `siteIds`. */
export async function retentionOf(db: Driver, siteIds: readonly string[], siteId: string): Promise<Retention | undefined> {
  if (!siteIds.includes(siteId)) return undefined;
  const row = await selectOne(db, retentionRow, 'sites', 'SELECT id, retention_days, retention_mode, retention_swept_before FROM sites WHERE id = ?', [siteId]);
  return row && { days: row.retention_days, mode: row.retention_mode };
}

/**
 * Applies every site's retention at `now` (SPEC §13): responses received more than `retention_days`
 * ago are anonymised — identity, comment, follow-up answer, traits, contact and the team's notes
 * removed, the score, segment, drivers and dates kept for the trend — or deleted with their notes
 * and links. Each anonymised row gets an anonymous id of its own (no longer "the same person" as
 * any other), and is marked so the next sweep skips it. One transaction per site.
 */
export async function sweepRetention(db: Driver, now: number): Promise<Record<string, SweepOutcome>> {
  const sites = await select(db, retentionRow, 'sites', 'SELECT id, retention_days, retention_mode, retention_swept_before FROM sites WHERE retention_days IS NOT NULL ORDER BY id');
  const outcomes: Record<string, SweepOutcome> = {};
  for (const site of sites) {
    if (site.retention_days === null) continue;
    const before = now - site.retention_days * DAY_MS;
    outcomes[site.id] = await db.transaction(async (tx) => {
      const from = site.retention_swept_before ?? 0;
      const pending = site.retention_mode === 'delete' ? '' : ' AND anonymised_at IS NULL';
      const ids = (await select(tx, idRow, 'responses', `SELECT id FROM responses WHERE site_id = ? AND received_at >= ? AND received_at < ?${pending}`, [site.id, from, before])).map((row) => row.id);
      await tx.run('UPDATE sites SET retention_swept_before = ? WHERE id = ?', [before, site.id]);
      for (let start = 0; start < ids.length; start += 200) {
        const list = inList('response_id', ids.slice(start, start + 200));
        if (site.retention_mode === 'delete') {
          await tx.run(`DELETE FROM follow_up_notes WHERE ${list.sql}`, list.params);
          await tx.run(`DELETE FROM change_responses WHERE ${list.sql}`, list.params);
        } else {
          // The team's words about the person go; the timeline's status and owner changes stay.
          await tx.run(`DELETE FROM follow_up_notes WHERE kind = 'note' AND ${list.sql}`, list.params);
          await tx.run(`UPDATE follow_up_notes SET note = NULL WHERE kind IS NULL AND ${list.sql}`, list.params);
        }
      }
      if (site.retention_mode === 'delete') {
        const { changes } = await tx.run('DELETE FROM responses WHERE site_id = ? AND received_at >= ? AND received_at < ?', [site.id, from, before]);
        return { anonymised: 0, deleted: changes };
      }
      const { changes } = await tx.run(
        `UPDATE responses SET comment = NULL, follow_up = NULL, contact_email = NULL, contact_consent = 0, user_id = NULL, user_email = NULL, user_name = NULL,
           user_traits = NULL, anonymous_id = 'anonymised:' || id, anonymised_at = ?
         WHERE site_id = ? AND received_at >= ? AND received_at < ? AND anonymised_at IS NULL`,
        [now, site.id, from, before],
      );
      return { anonymised: changes, deleted: 0 };
    });
  }
  return outcomes;
}

/** How many responses of the site are anonymised (for the settings view and tests). */
export async function anonymisedCount(db: Driver, siteId: string): Promise<number> {
  return (await selectOne(db, countRow, 'responses', 'SELECT COUNT(*) AS n FROM responses WHERE site_id = ? AND anonymised_at IS NOT NULL', [siteId]))?.n ?? 0;
}
