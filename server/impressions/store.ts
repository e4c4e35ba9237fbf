import * as z from 'zod/mini';
import type { Driver, SqlValue } from '../db/driver.ts';
import { inList } from '../db/in-list.ts';
import { nullableInt, selectOne } from '../db/rows.ts';

const DAY_MS = 86_400_000;

/** Which displays to count: the sites, a survey of theirs, whole UTC days from (inclusive) to (exclusive). */
export interface ShownFilters {
  surveyId?: string;
  /** Day number (days since 1970-01-01, UTC), inclusive. */
  fromDay?: number;
  /** Day number, exclusive. */
  toDay?: number;
}

/** Survey displays, counted per site, survey and UTC day. */
export interface ImpressionsStore {
  /** Adds `count` displays of `surveyId` on `siteId` to the day `at` falls in. */
  record(siteId: string, surveyId: string, count: number, at: number): Promise<void>;
  /** Displays of the sites `siteIds` that `filters` select. */
  shown(siteIds: readonly string[], filters: ShownFilters): Promise<number>;
}

const sumRow = z.object({ n: nullableInt });

/** The daily counts of migration 13, on either engine. */
export function impressionsStore(db: Driver): ImpressionsStore {
  return {
    async record(siteId, surveyId, count, at) {
      // One row per day, added to in place: concurrent posts each add theirs (ON CONFLICT is atomic on both engines).
      await db.run(
        'INSERT INTO impression_counts (site_id, survey_id, day, n) VALUES (?, ?, ?, ?) ON CONFLICT (site_id, survey_id, day) DO UPDATE SET n = impression_counts.n + excluded.n',
        [siteId, surveyId, Math.floor(at / DAY_MS), count],
      );
    },

    async shown(siteIds, filters) {
      const sites = inList('site_id', siteIds);
      const clauses = [sites.sql];
      const params: SqlValue[] = [...sites.params];
      if (filters.surveyId !== undefined) clauses.push('survey_id = ?'), params.push(filters.surveyId);
      if (filters.fromDay !== undefined) clauses.push('day >= ?'), params.push(filters.fromDay);
      if (filters.toDay !== undefined) clauses.push('day < ?'), params.push(filters.toDay);
      const row = await selectOne(db, sumRow, 'impression_counts', `SELECT SUM(n) AS n FROM impression_counts WHERE ${clauses.join(' AND ')}`, params);
      return row?.n ?? 0;
    },
  };
}
