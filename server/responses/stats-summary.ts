import * as z from 'zod/mini';
import { distributionOf, isScore, npsFromDistribution, type StatsSummary } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { int, select } from '../db/rows.ts';
import { countable, countsWhere, statsWhere, type StatsFilters } from './stats-filters.ts';

const countRow = z.object({ day: int, score: int, n: int });

/**
 * Responses per day and score. Without a survey or trait filter, from the daily counts kept by
 * triggers (at most days × 11 rows); with one, from the responses themselves, over the same days.
 */
export function dailyCounts(db: Driver, siteIds: readonly string[], filters: StatsFilters) {
  if (countable(filters)) {
    const counts = countsWhere(siteIds, filters);
    return select(db, countRow, 'response_counts', `SELECT day, score, SUM(n) AS n FROM response_counts WHERE ${counts.sql} GROUP BY day, score`, counts.params);
  }
  const where = statsWhere(siteIds, filters);
  return select(db, countRow, 'responses', `SELECT r.received_day AS day, r.score AS score, COUNT(*) AS n FROM responses r WHERE ${where.sql} GROUP BY r.received_day, r.score`, where.params);
}

/**
 * NPS and the 0–10 distribution of the sites `siteIds` together (`GET /v1/stats/summary`): the
 * daily counts alone, so the inbox can show them on every visit whatever the table's size.
 */
export async function responseSummary(db: Driver, siteIds: readonly string[], filters: StatsFilters): Promise<StatsSummary> {
  const distribution = distributionOf([]);
  for (const row of await dailyCounts(db, siteIds, filters)) {
    if (isScore(row.score)) distribution[row.score] = (distribution[row.score] ?? 0) + row.n; // a hand-edited row is skipped, not counted
  }
  return { summary: npsFromDistribution(distribution), distribution };
}
