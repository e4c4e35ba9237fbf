import * as z from 'zod/mini';
import type { DriverCounts, Stats } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { int, select } from '../db/rows.ts';
import { countable, countsWhere, statsWhere, type StatsFilters } from './stats-filters.ts';

const driverRow = z.object({ segment: z.string(), driver: z.string(), n: int });
const SEGMENT_KEY: Record<string, keyof Stats['drivers']> = { promoter: 'promoters', passive: 'passives', detractor: 'detractors' };

/**
 * Which loyalty drivers each segment ticked, most ticked first (ties by name): what passives
 * and detractors name most is where to look. Without a survey or trait filter, from the daily
 * driver counts kept by triggers (migration 17); with one, from the drivers side table
 * (migration 6) joined with the responses it selects. Both count a driver once per response.
 */
export async function driversBySegment(db: Driver, siteIds: readonly string[], filters: StatsFilters): Promise<Stats['drivers']> {
  const rows = await driverCounts(db, siteIds, filters);
  const drivers: Record<keyof Stats['drivers'], DriverCounts> = { promoters: [], passives: [], detractors: [] };
  for (const row of rows) {
    const key = SEGMENT_KEY[row.segment];
    if (key) drivers[key].push({ driver: row.driver, count: row.n }); // another segment name: a hand-edited row, skipped
  }
  for (const list of Object.values(drivers)) list.sort((a, b) => b.count - a.count || (a.driver < b.driver ? -1 : a.driver > b.driver ? 1 : 0));
  return drivers;
}

function driverCounts(db: Driver, siteIds: readonly string[], filters: StatsFilters) {
  if (countable(filters)) {
    const counts = countsWhere(siteIds, filters);
    // A driver nobody ticks any more keeps its rows at 0: it is not listed, as the join would not.
    return select(
      db,
      driverRow,
      'response_driver_counts',
      `SELECT segment, driver, SUM(n) AS n FROM response_driver_counts WHERE ${counts.sql} GROUP BY segment, driver HAVING SUM(n) > 0`,
      counts.params,
    );
  }
  const where = statsWhere(siteIds, filters);
  return select(
    db,
    driverRow,
    'response_drivers',
    `SELECT r.segment AS segment, d.driver AS driver, COUNT(*) AS n FROM response_drivers d JOIN responses r ON r.id = d.response_id WHERE ${where.sql} GROUP BY r.segment, d.driver`,
    where.params,
  );
}
