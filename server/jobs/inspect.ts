import type { Driver, SqlValue } from '../db/driver.ts';
import { inList } from '../db/in-list.ts';
import { toJob, type Job, type JobState } from './job-row.ts';

/** What the admin API asks of the queue: the jobs of a set of sites (a team's), and a second chance for a dead one. */
export interface JobsAdmin {
  /** Newest first. */
  list(siteIds: readonly string[], filter: { state?: JobState; limit: number }): Promise<Job[]>;
  /** Re-queues a dead job with fresh attempts: the job, `not_dead` (with its state), or `undefined` when none of the sites has such a job. */
  retry(siteIds: readonly string[], id: string): Promise<{ job: Job } | { notDead: JobState } | undefined>;
}

/** {@link JobsAdmin} over the `jobs` table. */
export function jobsAdmin(db: Driver, now: () => number = Date.now): JobsAdmin {
  return {
    async list(siteIds, filter) {
      // Each site's newest from its own index (site_id, created_at, id), then the newest of those:
      // `site_id IN (…)` would sort every job of every site.
      const pages = siteIds.map((siteId) => {
        const params: SqlValue[] = [siteId];
        let sql = 'SELECT * FROM jobs WHERE site_id = ?';
        if (filter.state) (sql += ' AND state = ?'), params.push(filter.state);
        return { sql: `${sql} ORDER BY created_at DESC, id DESC LIMIT ?`, params: [...params, filter.limit] };
      });
      const [only] = pages;
      if (!only) return [];
      const rows =
        pages.length === 1
          ? await db.all(only.sql, only.params)
          : await db.all(`${pages.map((page, index) => `SELECT * FROM (${page.sql}) AS site_jobs_${index}`).join(' UNION ALL ')} ORDER BY created_at DESC, id DESC LIMIT ?`, [
              ...pages.flatMap((page) => page.params),
              filter.limit,
            ]);
      return rows.map(toJob);
    },

    async retry(siteIds, id) {
      const at = now();
      const sites = inList('site_id', siteIds);
      const [row] = await db.all(
        `UPDATE jobs SET state = 'queued', attempts = 0, run_at = ?, updated_at = ? WHERE id = ? AND ${sites.sql} AND state = 'dead' RETURNING *`,
        [at, at, id, ...sites.params],
      );
      if (row) return { job: toJob(row) };
      const [existing] = await db.all(`SELECT * FROM jobs WHERE id = ? AND ${sites.sql}`, [id, ...sites.params]);
      return existing ? { notDead: toJob(existing).state } : undefined;
    },
  };
}
