import * as z from 'zod/mini';
import { dateParam, flagParam, toParams } from './admin-params.ts';
import { text } from './text.ts';

/** Query of `GET /v1/stats`, as sent (text); parsed, `includeTest` is a boolean. */
export const statsQuerySchema = z.strictObject({
  from: z.optional(dateParam()),
  to: z.optional(dateParam()),
  interval: z.optional(z.enum(['day', 'week', 'month'])),
  includeTest: z.optional(flagParam()),
  /** One of the principal's sites, by id: a team's stats of that site alone. */
  site: z.optional(text(100, 1)),
});
export type StatsQuery = z.output<typeof statsQuerySchema>;
export type Interval = NonNullable<StatsQuery['interval']>;

/** A stats query written as query-string text. */
export const statsQueryParams = (query: StatsQuery): Record<string, string> => toParams(query);

const count = z.int().check(z.gte(0));

/** NPS with its 95 % margin of error (see `npsFromCounts`). */
export const npsSummarySchema = z.object({
  promoters: count,
  passives: count,
  detractors: count,
  total: count,
  nps: z.nullable(z.number().check(z.gte(-100), z.lte(100))),
  marginOfError: z.nullable(z.number().check(z.gte(0))),
});

/** `GET /v1/stats`: the summary, the 0–10 distribution (11 counts), and the trend per period. */
export const statsSchema = z.object({
  summary: npsSummarySchema,
  distribution: z.array(count).check(z.length(11)),
  trend: z.array(z.extend(npsSummarySchema, { period: z.string() })),
});
export type Stats = z.output<typeof statsSchema>;
