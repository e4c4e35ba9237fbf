import { statsQuerySchema, TRAIT_PREFIX, type Interval, type StatsQuery } from '../../sdk/index.ts';

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the dashboard is narrowed to, as people set it: dates are whole days, `to` included. */
export interface DashboardFilters {
  /** First day, `YYYY-MM-DD`. */
  from?: string;
  /** Last day, included, `YYYY-MM-DD`. */
  to?: string;
  interval: Interval;
  surveyId?: string;
  trait?: { key: string; value: string };
}

/** The dashboard's default: weekly trend, every day, every survey. */
export const NO_FILTERS: DashboardFilters = { interval: 'week' };

/**
 * The stats query for `filters` (the collector's `to` is exclusive: the day after the last one).
 * @example statsQueryOf({ interval: 'day', to: '2026-01-31' }) // { interval: 'day', to: '2026-02-01' }
 */
export function statsQueryOf(filters: DashboardFilters): StatsQuery {
  return {
    interval: filters.interval,
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: new Date(Date.parse(filters.to) + DAY_MS).toISOString().slice(0, 10) } : {}),
    ...(filters.surveyId ? { surveyId: filters.surveyId } : {}),
    ...(filters.trait ? { trait: filters.trait } : {}),
  };
}

/** The address's query for `filters`: only what differs from the default, so a plain link stays plain. */
export function paramsOf(filters: DashboardFilters): Record<string, string> {
  return {
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.interval !== NO_FILTERS.interval ? { interval: filters.interval } : {}),
    ...(filters.surveyId ? { surveyId: filters.surveyId } : {}),
    ...(filters.trait ? { [`${TRAIT_PREFIX}${filters.trait.key}`]: filters.trait.value } : {}),
  };
}

/**
 * The filters an address's query names. Each part is checked with the collector's own schema; a
 * part it would refuse (an edited link) is left out rather than shown as an error on opening.
 */
export function filtersOf(params: Readonly<Record<string, string>> = {}): DashboardFilters {
  const filters: DashboardFilters = { ...NO_FILTERS };
  const valid = (part: Record<string, string>) => statsQuerySchema.safeParse(part).success;
  const { from, to, interval, surveyId } = params;
  if (from && DATE.test(from) && valid({ from })) filters.from = from;
  if (to && DATE.test(to) && valid({ to })) filters.to = to;
  if (interval === 'day' || interval === 'week' || interval === 'month') filters.interval = interval;
  if (surveyId && valid({ surveyId })) filters.surveyId = surveyId;
  const trait = Object.entries(params).find(([name]) => name.startsWith(TRAIT_PREFIX));
  if (trait && valid({ [trait[0]]: trait[1] })) filters.trait = { key: trait[0].slice(TRAIT_PREFIX.length), value: trait[1] };
  return filters;
}
