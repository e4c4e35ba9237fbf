import * as z from 'zod/mini';
import type { Driver } from '../db/driver.ts';
import { int, selectOne } from '../db/rows.ts';

/** What this collector remembers of an identified user on a site: when they last answered or dismissed. */
export interface Activity {
  lastRespondedAt?: number;
  lastDismissedAt?: number;
}

export interface EligibilityStore {
  /** Records that an identified user closed the survey unanswered (the latest time wins). */
  recordDismissal(siteId: string, userId: string): Promise<void>;
  lastActivity(siteId: string, userId: string): Promise<Activity>;
}

const dismissalRow = z.object({ at: int });

/**
 * Dismissals, and a user's last activity for the cross-device verdict (SPEC §5). The last
 * response comes from the responses resource, through the function it hands over.
 */
export function eligibilityStore(db: Driver, lastRespondedAt: (siteId: string, userId: string) => Promise<number | undefined>, now: () => number = Date.now): EligibilityStore {
  return {
    async recordDismissal(siteId, userId) {
      await db.run(
        'INSERT INTO dismissals (site_id, user_id, dismissed_at) VALUES (?, ?, ?) ON CONFLICT (site_id, user_id) DO UPDATE SET dismissed_at = excluded.dismissed_at',
        [siteId, userId, now()],
      );
    },

    async lastActivity(siteId, userId) {
      const responded = await lastRespondedAt(siteId, userId);
      const dismissed = await selectOne(db, dismissalRow, 'dismissals', 'SELECT dismissed_at AS at FROM dismissals WHERE site_id = ? AND user_id = ?', [siteId, userId]);
      return {
        ...(responded !== undefined ? { lastRespondedAt: responded } : {}),
        ...(dismissed ? { lastDismissedAt: dismissed.at } : {}),
      };
    },
  };
}
