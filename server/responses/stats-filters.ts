import type { StatsQuery } from '../../sdk/index.ts';
import type { SqlValue } from '../db/driver.ts';
import { inList } from '../db/in-list.ts';

/** A UTC day in ms: the daily counts (received_day) and the SLA are whole days. */
export const DAY_MS = 86_400_000;

/** What the stats can be narrowed to; every field is optional and they combine with AND. */
export interface StatsFilters {
  /** Epoch ms; the stats read whole UTC days, so this rounds down to its day. */
  from?: number;
  /** Epoch ms, exclusive; rounds up to the end of its day. */
  to?: number;
  surveyId?: string;
  /** `trait.KEY=VALUE`: the identified user's trait equals this value (compared as text). */
  trait?: { key: string; value: string };
  includeTest?: boolean;
}

/** The store's filters for a parsed stats query. */
export function statsFiltersFromQuery(query: StatsQuery): StatsFilters {
  return {
    ...(query.from ? { from: Date.parse(query.from) } : {}),
    ...(query.to ? { to: Date.parse(query.to) } : {}),
    ...(query.surveyId ? { surveyId: query.surveyId } : {}),
    ...(query.trait ? { trait: query.trait } : {}),
    includeTest: query.includeTest ?? false,
  };
}

/** The whole UTC days `filters` span: from (inclusive) and to (exclusive) day numbers. */
export function daysOf(filters: StatsFilters): { fromDay?: number; toDay?: number } {
  return {
    ...(filters.from !== undefined ? { fromDay: Math.floor(filters.from / DAY_MS) } : {}),
    ...(filters.to !== undefined ? { toDay: Math.ceil(filters.to / DAY_MS) } : {}),
  };
}

/**
 * Whether the daily counts kept by triggers (`response_counts`, `response_driver_counts`,
 * `response_contact_counts`) can answer: they are kept per site, test flag and day, so a survey
 * or a trait needs the responses themselves.
 */
export function countable(filters: StatsFilters): boolean {
  return filters.surveyId === undefined && !filters.trait;
}

/** The condition on a daily counts table (`site_id`, `test`, `day`) for the filters' sites, test flag and whole days. */
export function countsWhere(siteIds: readonly string[], filters: StatsFilters): { sql: string; params: SqlValue[] } {
  const sites = inList('site_id', siteIds);
  const clauses = [sites.sql, filters.includeTest ? '1 = 1' : 'test = 0'];
  const params: SqlValue[] = [...sites.params];
  const { fromDay, toDay } = daysOf(filters);
  if (fromDay !== undefined) clauses.push('day >= ?'), params.push(fromDay);
  if (toDay !== undefined) clauses.push('day < ?'), params.push(toDay);
  return { sql: clauses.join(' AND '), params };
}

/**
 * The condition on `responses r` that selects what the stats count, with its parameters: every
 * part of the stats (counts, drivers, follow-up health) reads the same responses. Dates as
 * `received_at` bounds on whole days, which the site's (site_id, received_at) index serves.
 */
export function statsWhere(siteIds: readonly string[], filters: StatsFilters): { sql: string; params: SqlValue[] } {
  const sites = inList('r.site_id', siteIds);
  const clauses = [sites.sql];
  const params: SqlValue[] = [...sites.params];
  const add = (clause: string, ...values: SqlValue[]) => void (clauses.push(clause), params.push(...values));
  const { fromDay, toDay } = daysOf(filters);
  if (!filters.includeTest) add('r.test = 0');
  if (fromDay !== undefined) add('r.received_at >= ?', fromDay * DAY_MS);
  if (toDay !== undefined) add('r.received_at < ?', toDay * DAY_MS);
  if (filters.surveyId !== undefined) add('r.survey_id = ?', filters.surveyId);
  if (filters.trait) {
    const traitSites = inList('site_id', siteIds);
    add(`r.id IN (SELECT response_id FROM response_traits WHERE ${traitSites.sql} AND key = ? AND value = ?)`, ...traitSites.params, filters.trait.key, filters.trait.value);
  }
  return { sql: clauses.join(' AND '), params };
}
