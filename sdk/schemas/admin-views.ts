import * as z from 'zod/mini';
import { text } from './text.ts';

/** `GET /v1/responses/count`: how many responses the list of the same filters holds. */
export const responseCountSchema = z.object({ count: z.int().check(z.gte(0)) });
export type ResponseCount = z.output<typeof responseCountSchema>;

/** The ids of the views every team has (SPEC §10 inbox), shipped, never stored. */
export const BUILT_IN_VIEWS = ['detractors-to-contact', 'passives-this-week', 'mine', 'overdue'] as const;
export type BuiltInView = (typeof BUILT_IN_VIEWS)[number];

/**
 * A list query as its query-string parameters (`segment=detractor`, `trait.plan=pro`): what a
 * link to the inbox carries, so a view opens the same list a link does. The collector checks it
 * as it checks `GET /v1/responses`; paging (`cursor`, `limit`) is not part of a view.
 */
export const viewQuerySchema = z.record(z.string().check(z.maxLength(80)), z.string().check(z.maxLength(500)));

/**
 * A saved view: a built-in one (`builtIn`, its id one of {@link BUILT_IN_VIEWS}) or one the team
 * saved; `count` is how many responses it holds now, `null` when it cannot be counted for this
 * principal (`owner=me` for an API token, which is no member).
 */
export const savedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  builtIn: z.boolean(),
  query: viewQuerySchema,
  count: z.nullable(z.int().check(z.gte(0))),
});
export type SavedView = z.output<typeof savedViewSchema>;

/** `GET /v1/views`: the built-in views first, then the team's, oldest first. */
export const savedViewListSchema = z.object({ items: z.array(savedViewSchema) });
export type SavedViewList = z.output<typeof savedViewListSchema>;

/** Body of `POST /v1/views` (member): a name and the list query it keeps. Strict. */
export const savedViewCreateSchema = z.strictObject({
  name: text(80, 1),
  query: viewQuerySchema,
});
export type SavedViewCreate = z.output<typeof savedViewCreateSchema>;

/** Body of `PATCH /v1/views/:id` (member): a team view's new name. Strict. */
export const savedViewRenameSchema = z.strictObject({ name: text(80, 1) });
export type SavedViewRename = z.output<typeof savedViewRenameSchema>;
