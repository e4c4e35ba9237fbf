import * as z from 'zod/mini';
import { distributionOf, isScore, npsFromDistribution, type Interval, type Stats } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { int, select } from '../db/rows.ts';
import { driversBySegment } from './stats-drivers.ts';
import { countable, countsWhere, DAY_MS, daysOf, statsWhere, type StatsFilters } from './stats-filters.ts';
import { followUpHealth } from './stats-follow-up.ts';

export { DAY_MS } from './stats-filters.ts';

/** Period label of a day number (days since 1970-01-01, UTC). Weeks start on Monday. */
export function periodOf(day: number, interval: Interval): string {
  const date = new Date(day * DAY_MS);
  if (interval === 'month') return date.toISOString().slice(0, 7);
  if (interval === 'day') return date.toISOString().slice(0, 10);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date((day - sinceMonday) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * How many times the sites' surveys were shown in the filters' days (the impressions resource
 * answers it); `null` when displays cannot be told apart that way (a trait: they carry none).
 */
export type ShownOf = (siteIds: readonly string[], filters: { surveyId?: string; fromDay?: number; toDay?: number }) => Promise<number>;

const countRow = z.object({ day: int, score: int, n: int });

/**
 * Responses per day and score. Without a survey or trait filter, from the daily counts kept by
 * triggers (at most days × 11 rows); with one, from the responses themselves, over the same days.
 */
function dailyCounts(db: Driver, siteIds: readonly string[], filters: StatsFilters) {
  if (countable(filters)) {
    const counts = countsWhere(siteIds, filters);
    return select(db, countRow, 'response_counts', `SELECT day, score, SUM(n) AS n FROM response_counts WHERE ${counts.sql} GROUP BY day, score`, counts.params);
  }
  const where = statsWhere(siteIds, filters);
  return select(db, countRow, 'responses', `SELECT r.received_day AS day, r.score AS score, COUNT(*) AS n FROM responses r WHERE ${where.sql} GROUP BY r.received_day, r.score`, where.params);
}

/**
 * The stats of the sites `siteIds` together (SPEC §10 dashboard): NPS, the 0–10 distribution and
 * the trend, the response rate, the drivers per segment and follow-up health at `now`. Whole UTC
 * days: `from` and `to` round to the day they fall in, for every part alike.
 */
export async function responseStats(db: Driver, siteIds: readonly string[], filters: StatsFilters, interval: Interval, deps: { now: number; shownOf: ShownOf }): Promise<Stats> {
  const rows = await dailyCounts(db, siteIds, filters);
  const overall = distributionOf([]);
  const byPeriod = new Map<string, number[]>();
  for (const row of rows) {
    const score = row.score;
    if (!isScore(score)) continue; // the schema admits none; a hand-edited row is skipped, not counted
    overall[score] = (overall[score] ?? 0) + row.n;
    const period = periodOf(row.day, interval);
    const histogram = byPeriod.get(period) ?? distributionOf([]);
    histogram[score] = (histogram[score] ?? 0) + row.n;
    byPeriod.set(period, histogram);
  }
  const trend = [...byPeriod.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([period, histogram]) => ({ period, ...npsFromDistribution(histogram) }));
  const summary = npsFromDistribution(overall);
  const shown = filters.trait ? null : await deps.shownOf(siteIds, { ...(filters.surveyId !== undefined ? { surveyId: filters.surveyId } : {}), ...daysOf(filters) });
  return {
    summary,
    distribution: overall,
    trend,
    shown,
    responseRate: shown ? summary.total / shown : null,
    drivers: await driversBySegment(db, siteIds, filters),
    followUp: await followUpHealth(db, siteIds, filters, deps.now),
  };
}
