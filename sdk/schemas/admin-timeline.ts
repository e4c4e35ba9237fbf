import * as z from 'zod/mini';
import { SEGMENTS } from '../segment.ts';
import { FOLLOW_UP_STATUSES, responseRecordSchema } from './admin-record.ts';
import { isoDateTime } from './formats.ts';

const status = z.enum(FOLLOW_UP_STATUSES);
/** Who made a change. `null` until accounts exist (SPEC §9): a site key has no name. */
const author = z.nullable(z.string());
const at = isoDateTime();

/**
 * One entry of a response's follow-up timeline (SPEC §10), oldest first: it arrived (`created`),
 * its status, owner or due date changed (`from` → `to`), someone wrote a `note`, ticked (or
 * unticked) a playbook `step` (its id, and its text as it read then), a member emailed the
 * respondent a `reply` (its subject; the mail itself is in the outbox), or a published `change`
 * closed the loop.
 */
export const timelineEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('created'), at, author }),
  z.object({ kind: z.literal('status'), at, author, from: status, to: status }),
  z.object({ kind: z.literal('owner'), at, author, from: z.nullable(z.string()), to: z.nullable(z.string()) }),
  z.object({ kind: z.literal('due'), at, author, from: isoDateTime(), to: isoDateTime() }),
  z.object({ kind: z.literal('note'), at, author, note: z.string() }),
  z.object({ kind: z.literal('reply'), at, author, subject: z.string() }),
  /** A change the team published resolved this follow-up (SPEC §12). */
  z.object({ kind: z.literal('change'), at, author, changeId: z.string(), title: z.string() }),
  z.object({ kind: z.literal('step'), at, author, step: z.string(), text: z.string(), done: z.boolean() }),
]);
export type TimelineEntry = z.output<typeof timelineEntrySchema>;

/** The response's whole history, oldest first. */
export const timelineSchema = z.array(timelineEntrySchema);

/** Another response of the same person on the same site (same user id, else same anonymous id). */
export const otherResponseSchema = z.object({
  id: z.string(),
  score: z.int().check(z.gte(0), z.lte(10)),
  segment: z.enum(SEGMENTS),
  receivedAt: isoDateTime(),
});
export type OtherResponse = z.output<typeof otherResponseSchema>;

/**
 * `GET /v1/responses/:id`, and the answer to a follow-up change: the record, its timeline, and
 * the same person's other responses, newest first.
 */
export const responseDetailSchema = z.object({
  response: responseRecordSchema,
  timeline: timelineSchema,
  others: z.array(otherResponseSchema),
});
export type ResponseDetail = z.output<typeof responseDetailSchema>;
