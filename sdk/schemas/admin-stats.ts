import * as z from 'zod/mini';
import { dateParam, flagParam, toParams } from './admin-params.ts';
import { liftTrait, TRAIT_PREFIX } from './admin-query.ts';
import { surveyIdSchema } from './response.ts';
import { text } from './text.ts';

/**
 * The stats' parameters once `trait.KEY=VALUE` has been lifted into `trait: { key, value }`, as
 * the list's are (admin-query.ts). Strict: a typo in a filter is a 400 naming it.
 */
export const statsParamsSchema = z.strictObject({
  from: z.optional(dateParam()),
  to: z.optional(dateParam()),
  interval: z.optional(z.enum(['day', 'week', 'month'])),
  includeTest: z.optional(flagParam()),
  /** One of the principal's sites, by id: a team's stats of that site alone. */
  site: z.optional(text(100, 1)),
  /** One survey of those sites. */
  surveyId: z.optional(surveyIdSchema),
  /** The identified user's trait equals this value (compared as text). */
  trait: z.optional(z.object({ key: text(64, 1), value: text(500) })),
});

/**
 * Query of `GET /v1/stats`, as sent (text, and at most one `trait.KEY`); parsed, `includeTest`
 * is a boolean and the trait is `trait: { key, value }`.
 * @example statsQuerySchema.parse({ surveyId: 'nps', 'trait.plan': 'pro' }) // { surveyId: 'nps', trait: { key: 'plan', value: 'pro' } }
 */
export const statsQuerySchema = z.pipe(liftTrait, statsParamsSchema);
export type StatsQuery = z.output<typeof statsParamsSchema>;
export type Interval = NonNullable<StatsQuery['interval']>;

/** A stats query written as query-string text: the inverse of {@link statsQuerySchema}. */
export const statsQueryParams = (query: StatsQuery): Record<string, string> => {
  const { trait, ...rest } = query;
  return { ...toParams(rest), ...(trait ? { [`${TRAIT_PREFIX}${trait.key}`]: trait.value } : {}) };
};

/**
 * Query of `GET /v1/stats/summary`: the stats' filters without the trend's interval, which the
 * summary has no use for (a typo, or `interval`, is a 400 naming it).
 */
export const statsSummaryParamsSchema = z.omit(statsParamsSchema, { interval: true });
export const statsSummaryQuerySchema = z.pipe(liftTrait, statsSummaryParamsSchema);
export type StatsSummaryQuery = z.output<typeof statsSummaryParamsSchema>;

const count = z.int().check(z.gte(0));
const share = z.number().check(z.gte(0), z.lte(1));

/** NPS with its 95 % margin of error (see `npsFromCounts`). */
export const npsSummarySchema = z.object({
  promoters: count,
  passives: count,
  detractors: count,
  total: count,
  nps: z.nullable(z.number().check(z.gte(-100), z.lte(100))),
  marginOfError: z.nullable(z.number().check(z.gte(0))),
});

/** How many responses of a segment ticked a loyalty driver; most ticked first. */
export const driverCountsSchema = z.array(z.object({ driver: z.string(), count }));

/** Follow-up health of the responses the filters select (SPEC §10). */
export const followUpHealthSchema = z.object({
  /**
   * Responses whose outcome is known: contacted (a first status change away from `new`), or
   * past their due date without that. The share's denominator.
   */
  settled: count,
  /** Of those, contacted before their due date. */
  contactedInSla: count,
  /** contactedInSla ÷ settled; `null` when none is settled. */
  contactedInSlaShare: z.nullable(share),
  /** Median time from arrival to the first contact, in hours (one decimal); `null` when none was contacted. */
  medianHoursToFirstContact: z.nullable(z.number().check(z.gte(0))),
  /**
   * Open follow-ups past their due date now, per owner (a member's id and name, a v1 label alone,
   * or neither: unassigned); most overdue first.
   */
  overdueByOwner: z.array(z.object({ ownerId: z.nullable(z.string()), owner: z.nullable(z.string()), count })),
});
export type FollowUpHealth = z.output<typeof followUpHealthSchema>;

/**
 * `GET /v1/stats`: the summary, the 0–10 distribution (11 counts), the trend per period, the
 * response rate, loyalty drivers per segment and follow-up health.
 */
export const statsSchema = z.object({
  summary: npsSummarySchema,
  distribution: z.array(count).check(z.length(11)),
  trend: z.array(z.extend(npsSummarySchema, { period: z.string() })),
  /**
   * Survey displays the widget counted (`POST /v1/impressions`) in the range; `null` under a
   * trait filter, since a display carries no traits.
   */
  shown: z.nullable(count),
  /** Responses ÷ displays (`summary.total ÷ shown`); `null` when `shown` is null or 0. Above 1 when responses came without the widget's count. */
  responseRate: z.nullable(z.number().check(z.gte(0))),
  drivers: z.object({ promoters: driverCountsSchema, passives: driverCountsSchema, detractors: driverCountsSchema }),
  followUp: followUpHealthSchema,
});
export type Stats = z.output<typeof statsSchema>;
export type DriverCounts = z.output<typeof driverCountsSchema>;

/**
 * `GET /v1/stats/summary`: the summary and the 0–10 distribution alone, read from the daily
 * counts: what the inbox shows above its list, cheap at any number of responses.
 */
export const statsSummarySchema = z.object({
  summary: npsSummarySchema,
  distribution: z.array(count).check(z.length(11)),
});
export type StatsSummary = z.output<typeof statsSummarySchema>;
