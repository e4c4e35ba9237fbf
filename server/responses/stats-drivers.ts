import * as z from 'zod/mini';
import type { DriverCounts, Stats } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { int, select } from '../db/rows.ts';
import { statsWhere, type StatsFilters } from './stats-filters.ts';

const driverRow = z.object({ segment: z.string(), driver: z.string(), n: int });
const SEGMENT_KEY: Record<string, keyof Stats['drivers']> = { promoter: 'promoters', passive: 'passives', detractor: 'detractors' };

/**
 * Which loyalty drivers each segment ticked, most ticked first (ties by name): what passives
 * and detractors name most is where to look. Read from the drivers side table (migration 6).
 */
export async function driversBySegment(db: Driver, siteIds: readonly string[], filters: StatsFilters): Promise<Stats['drivers']> {
  const where = statsWhere(siteIds, filters);
  const rows = await select(
    db,
    driverRow,
    'response_drivers',
    `SELECT r.segment AS segment, d.driver AS driver, COUNT(*) AS n FROM response_drivers d JOIN responses r ON r.id = d.response_id WHERE ${where.sql} GROUP BY r.segment, d.driver`,
    where.params,
  );
  const drivers: Record<keyof Stats['drivers'], DriverCounts> = { promoters: [], passives: [], detractors: [] };
  for (const row of rows) {
    const key = SEGMENT_KEY[row.segment];
    if (key) drivers[key].push({ driver: row.driver, count: row.n }); // another segment name: a hand-edited row, skipped
  }
  for (const list of Object.values(drivers)) list.sort((a, b) => b.count - a.count || (a.driver < b.driver ? -1 : a.driver > b.driver ? 1 : 0));
  return drivers;
}
