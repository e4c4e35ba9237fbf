import * as z from 'zod/mini';
import type { Driver } from '../db/driver.ts';
import { select } from '../db/rows.ts';

/** What the widget shows of a published change (SPEC §12). */
export interface Notice {
  id: string;
  title: string;
  body: string;
}

/** In-widget notices: queued by publishing, read by the eligibility answer, gone once seen. */
export interface NoticesStore {
  /** The user's unseen notices on the site, oldest first. */
  pending(siteId: string, userId: string): Promise<Notice[]>;
  /** Marks the notice seen; `false` when the site's user has no such notice. Seeing it again is no change. */
  seen(siteId: string, userId: string, id: string): Promise<boolean>;
}

const noticeRow = z.object({ id: z.string(), title: z.string(), body: z.string() });
const foundRow = z.object({ id: z.string() });

/** How many notices one answer carries: the widget shows one a visit, and a few are plenty. */
const PENDING_LIMIT = 5;

/** The `notices` table (with each one's change for its words). */
export function noticesStore(db: Driver, now: () => number = Date.now): NoticesStore {
  return {
    pending: (siteId, userId) =>
      select(
        db,
        noticeRow,
        'notices',
        `SELECT n.id, c.title, c.body FROM notices n JOIN changes c ON c.id = n.change_id
         WHERE n.site_id = ? AND n.user_id = ? AND n.seen_at IS NULL ORDER BY n.created_at, n.id LIMIT ${PENDING_LIMIT}`,
        [siteId, userId],
      ),

    async seen(siteId, userId, id) {
      await db.run('UPDATE notices SET seen_at = ? WHERE id = ? AND site_id = ? AND user_id = ? AND seen_at IS NULL', [now(), id, siteId, userId]);
      return (await select(db, foundRow, 'notices', 'SELECT id FROM notices WHERE id = ? AND site_id = ? AND user_id = ?', [id, siteId, userId])).length > 0;
    },
  };
}
