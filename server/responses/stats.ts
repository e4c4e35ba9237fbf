import * as z from 'zod/mini';
import { distributionOf, isScore, npsFromDistribution, type Interval, type Stats } from '../../sdk/index.ts';
import type { Driver, SqlValue } from '../db/driver.ts';
import { inList } from '../db/in-list.ts';
import { int, select } from '../db/rows.ts';
import type { ResponseFilters } from './response-filters.ts';

/** A UTC day in ms: the daily counts (received_day) and the SLA are whole days. */
export const DAY_MS = 86_400_000;

/** Period label of a day number (days since 1970-01-01, UTC). Weeks start on Monday. */
export function periodOf(day: number, interval: Interval): string {
  const date = new Date(day * DAY_MS);
  if (interval === 'month') return date.toISOString().slice(0, 7);
  if (interval === 'day') return date.toISOString().slice(0, 10);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date((day - sinceMonday) * DAY_MS).toISOString().slice(0, 10);
}

const countRow = z.object({ day: int, score: int, n: int });

/**
 * NPS, the 0–10 distribution and the trend of the sites `siteIds` together, from the daily
 * counts: whole UTC days, so `from` and `to` round to the day they fall in.
 */
export async function responseStats(db: Driver, siteIds: readonly string[], filters: Pick<ResponseFilters, 'from' | 'to' | 'includeTest'>, interval: Interval): Promise<Stats> {
  const sites = inList('site_id', siteIds);
  const clauses = [sites.sql, filters.includeTest ? '1 = 1' : 'test = 0'];
  const params: SqlValue[] = [...sites.params];
  if (filters.from !== undefined) clauses.push('day >= ?'), params.push(Math.floor(filters.from / DAY_MS));
  if (filters.to !== undefined) clauses.push('day < ?'), params.push(Math.ceil(filters.to / DAY_MS));
  const rows = await select(db, countRow, 'response_counts', `SELECT day, score, SUM(n) AS n FROM response_counts WHERE ${clauses.join(' AND ')} GROUP BY day, score`, params);
  const overall = distributionOf([]);
  const byPeriod = new Map<string, number[]>();
  for (const row of rows) {
    const score = Number(row.score);
    if (!isScore(score)) continue; // the schema admits none; a hand-edited row is skipped, not counted
    const count = Number(row.n);
    overall[score] = (overall[score] ?? 0) + count;
    const period = periodOf(Number(row.day), interval);
    const histogram = byPeriod.get(period) ?? distributionOf([]);
    histogram[score] = (histogram[score] ?? 0) + count;
    byPeriod.set(period, histogram);
  }
  const trend = [...byPeriod.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([period, histogram]) => ({ period, ...npsFromDistribution(histogram) }));
  return { summary: npsFromDistribution(overall), distribution: overall, trend };
}
