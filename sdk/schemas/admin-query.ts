import * as z from 'zod/mini';
import { SEGMENTS } from '../segment.ts';
import { dateParam, flagParam, intParam, toParams } from './admin-params.ts';
import { FOLLOW_UP_STATUSES } from './admin-record.ts';
import { text } from './text.ts';

/** How a list is ordered: newest first (the default), lowest score first, or soonest due first. */
export const LIST_SORTS = ['received', 'score', 'due'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** `trait.KEY=VALUE`: the one parameter whose name is not fixed. */
export const TRAIT_PREFIX = 'trait.';
// As long as a trait's key and text value may be (identity.ts).
const traitKey = text(64, 1);
const traitValue = text(500);

/**
 * The list's parameters once `trait.KEY=VALUE` has been lifted into `trait: { key, value }`.
 * Strict: an unknown name (a typo in a filter) is a 400 naming it. The collector's OpenAPI
 * document lists its parameters from this schema.
 */
export const listParamsSchema = z
  .strictObject({
    segment: z.optional(z.enum(SEGMENTS)),
    /** Exactly this score. */
    score: z.optional(intParam(0, 10)),
    /** Score range, inclusive. */
    scoreMin: z.optional(intParam(0, 10)),
    scoreMax: z.optional(intParam(0, 10)),
    /** Received at or after. */
    from: z.optional(dateParam()),
    /** Received before. */
    to: z.optional(dateParam()),
    /** Full text in the comment or follow-up answer. */
    q: z.optional(z.string().check(z.maxLength(200))),
    followUpStatus: z.optional(z.enum(FOLLOW_UP_STATUSES)),
    /**
     * A member's user id, `me` (the signed-in member), `none` (no member, no label), or an
     * owner's name (a v1 label, or a member's name).
     */
    owner: z.optional(text(200, 1)),
    overdue: z.optional(z.pipe(z.literal('true'), z.transform((): true => true))),
    /** Still to do: status `new` or `contacted`. */
    open: z.optional(z.pipe(z.literal('true'), z.transform((): true => true))),
    driver: z.optional(text(40, 1)),
    hasComment: z.optional(flagParam()),
    /** Has an address the team may write to. */
    contactable: z.optional(flagParam()),
    /** Has a user id. */
    identified: z.optional(flagParam()),
    trait: z.optional(z.object({ key: traitKey, value: traitValue })),
    includeTest: z.optional(flagParam()),
    /** One of the principal's sites, by id: narrows a team's list to it. */
    site: z.optional(text(100, 1)),
    /** The order. @default received (newest first) */
    sort: z.optional(z.enum(LIST_SORTS)),
    cursor: z.optional(z.string().check(z.maxLength(500))),
    /** Page size. @default 50 */
    limit: z.optional(intParam(1, 500)),
  })
  .check(
    z.refine((query) => query.scoreMin === undefined || query.scoreMax === undefined || query.scoreMin <= query.scoreMax, {
      message: 'must not be more than scoreMax',
      path: ['scoreMin'],
    }),
  );

/** A list query, typed: what `GET /v1/responses` (and its CSV) filters by (SPEC §10). */
export type ListQuery = z.output<typeof listParamsSchema>;

/** Moves `trait.KEY=VALUE` into `trait: { key, value }`; a second trait filter is an issue (the list's and the stats' queries). */
export const liftTrait = z.transform((input: unknown, ctx) => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    ctx.issues.push({ code: 'custom', message: 'must be a set of query parameters', input });
    return {};
  }
  const rest: Record<string, unknown> = {};
  let trait: { key: string; value: unknown } | undefined;
  for (const [name, value] of Object.entries(input)) {
    if (name === 'trait') {
      ctx.issues.push({ code: 'custom', message: 'is not a known field; filter by a trait with trait.KEY=VALUE', input: value, path: [name] });
    } else if (!name.startsWith(TRAIT_PREFIX)) {
      rest[name] = value;
    } else if (trait) {
      ctx.issues.push({ code: 'custom', message: 'only one trait.KEY filter at a time', input: value, path: [name] });
    } else {
      trait = { key: name.slice(TRAIT_PREFIX.length), value };
      // Checked here, so that an issue names the parameter as sent (`trait.plan`), not `trait.key`.
      if (!traitKey.safeParse(trait.key).success) ctx.issues.push({ code: 'custom', message: 'needs a trait name of 1 to 64 characters: trait.KEY=VALUE', input: value, path: [name] });
      const checked = traitValue.safeParse(value);
      if (!checked.success) ctx.issues.push({ code: 'custom', message: checked.error.issues[0]?.message ?? 'is not a valid trait value', input: value, path: [name] });
    }
  }
  return trait ? { ...rest, trait } : rest;
});

/**
 * Query of `GET /v1/responses` and `GET /v1/responses.csv` (admin), as the collector receives
 * it: every value text, names exactly those of {@link listParamsSchema} plus one `trait.KEY`.
 * @example listQuerySchema.parse({ segment: 'detractor', 'trait.plan': 'pro', limit: '20' })
 * // { segment: 'detractor', trait: { key: 'plan', value: 'pro' }, limit: 20 }
 */
export const listQuerySchema = z.pipe(liftTrait, listParamsSchema);

/** A typed list query written as query-string text: the inverse of {@link listQuerySchema}. */
export function listQueryParams(query: ListQuery): Record<string, string> {
  const { trait, ...rest } = query;
  return { ...toParams(rest), ...(trait ? { [`${TRAIT_PREFIX}${trait.key}`]: trait.value } : {}) };
}

/** How many responses the team app's inbox shows a page at a time; the collector preloads its first page with the same. */
export const INBOX_PAGE_SIZE = 25;
