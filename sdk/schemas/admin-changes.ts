import * as z from 'zod/mini';
import { isoDateTime } from './formats.ts';
import { text } from './text.ts';

/** How many responses one request may link to a change (an inbox search's page, many times over). */
export const MAX_LINKED_RESPONSES = 1000;

const responseIds = z.array(text(200, 1)).check(z.maxLength(MAX_LINKED_RESPONSES, { message: `at most ${MAX_LINKED_RESPONSES} responses at a time` }));

/**
 * Body of `POST /v1/changes` (SPEC §12): what the team changed, in words a respondent reads, and the
 * responses that asked for it. Strict: a misspelt field is a 400 naming it.
 * @example { title: 'Exports are now 3× faster', body: 'You asked, we …', responseIds: ['…'] }
 */
export const changeCreateSchema = z.strictObject({
  title: text(200, 1),
  body: text(5000, 1),
  /** @default [] */
  responseIds: z._default(responseIds, []),
});
export type ChangeCreate = z.output<typeof changeCreateSchema>;

/** Body of `POST /v1/changes/:id/responses`: more responses that asked for the change. */
export const changeLinkSchema = z.strictObject({ responseIds: responseIds.check(z.minLength(1, { message: 'give at least one response id' })) });
export type ChangeLink = z.output<typeof changeLinkSchema>;

/** A change the team made, the responses linked to it, and when (if) it was published. */
export const changeSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  /** Who recorded it (a member's or token's name). */
  createdBy: z.string(),
  createdAt: isoDateTime(),
  publishedAt: z.nullable(isoDateTime()),
  responseIds: z.array(z.string()),
});
export type Change = z.output<typeof changeSchema>;

/** `GET /v1/changes`: the team's changes, newest first. */
export const changeListSchema = z.object({ items: z.array(changeSchema) });

/**
 * `POST /v1/changes/:id/publish`: the change, and what publishing did. Publishing again does
 * nothing (`published: false`, every count 0).
 */
export const changePublishedSchema = z.object({
  change: changeSchema,
  published: z.boolean(),
  /** Respondents emailed (identified email, or a contact email given with consent), once each. */
  emailed: z.int(),
  /** Follow-ups that became `resolved`. */
  resolved: z.int(),
  /** In-widget notices queued for identified respondents. */
  notices: z.int(),
});
export type ChangePublished = z.output<typeof changePublishedSchema>;
