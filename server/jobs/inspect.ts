import type { Driver, SqlValue } from '../db/driver.ts';
import { toJob, type Job, type JobState } from './job-row.ts';

/** What the admin API asks of the queue: a site's jobs, and a second chance for a dead one. */
export interface JobsAdmin {
  /** Newest first. */
  list(siteId: string, filter: { state?: JobState; limit: number }): Promise<Job[]>;
  /** Re-queues a dead job with fresh attempts: the job, `not_dead` (with its state), or `undefined` when the site has no such job. */
  retry(siteId: string, id: string): Promise<{ job: Job } | { notDead: JobState } | undefined>;
}

/** {@link JobsAdmin} over the `jobs` table. */
export function jobsAdmin(db: Driver, now: () => number = Date.now): JobsAdmin {
  return {
    async list(siteId, filter) {
      const params: SqlValue[] = [siteId];
      let sql = 'SELECT * FROM jobs WHERE site_id = ?';
      if (filter.state) (sql += ' AND state = ?'), params.push(filter.state);
      const rows = await db.all(`${sql} ORDER BY created_at DESC, id DESC LIMIT ?`, [...params, filter.limit]);
      return rows.map(toJob);
    },

    async retry(siteId, id) {
      const at = now();
      const [row] = await db.all(
        "UPDATE jobs SET state = 'queued', attempts = 0, run_at = ?, updated_at = ? WHERE id = ? AND site_id = ? AND state = 'dead' RETURNING *",
        [at, at, id, siteId],
      );
      if (row) return { job: toJob(row) };
      const [existing] = await db.all('SELECT * FROM jobs WHERE id = ? AND site_id = ?', [id, siteId]);
      return existing ? { notDead: toJob(existing).state } : undefined;
    },
  };
}
