import * as z from 'zod/mini';
import { SEGMENTS } from '../segment.ts';
import { isoDateTime } from './formats.ts';
import { traitValueSchema } from './identity.ts';
import { RESPONSE_STATUSES } from './response.ts';

// The admin contract (SPEC §6, §10): what the collector's admin API answers. The collector
// parses its own output with these schemas and the admin client parses answers with them, so
// the two cannot drift. Objects are not strict: a newer collector may add fields.

/** Where a response's follow-up stands. Overdue = not `resolved`/`not_needed` and past `dueAt`. */
export const FOLLOW_UP_STATUSES = ['new', 'contacted', 'resolved', 'not_needed'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** A stored response as the admin API shows it: the latest state received, and its follow-up. */
export const responseRecordSchema = z.object({
  id: z.string(),
  surveyId: z.string(),
  /** The highest `seq` received for this id. */
  seq: z.int(),
  score: z.int().check(z.gte(0), z.lte(10)),
  segment: z.enum(SEGMENTS),
  status: z.enum(RESPONSE_STATUSES),
  comment: z.nullable(z.string()),
  followUp: z.nullable(z.string()),
  drivers: z.array(z.string()),
  contactConsent: z.boolean(),
  contactEmail: z.nullable(z.string()),
  anonymousId: z.string(),
  user: z.nullable(
    z.object({
      id: z.string(),
      email: z.nullable(z.string()),
      name: z.nullable(z.string()),
      traits: z.nullable(z.record(z.string(), traitValueSchema)),
    }),
  ),
  url: z.string(),
  locale: z.string(),
  test: z.boolean(),
  /** When the respondent's browser started the response (its clock). */
  createdAt: z.string(),
  /** When the collector first received it. */
  receivedAt: isoDateTime(),
  updatedAt: isoDateTime(),
  followUpStatus: z.enum(FOLLOW_UP_STATUSES),
  /** Who owns the follow-up, as people read it: the member's name, or a free-text label (v1); `null` when unassigned. */
  followUpOwner: z.nullable(z.string()),
  /** The owning member's user id; `null` when unassigned or owned by a label only. */
  followUpOwnerId: z.nullable(z.string()),
  /** When the follow-up is due: received + the SLA unless someone moved it. */
  dueAt: isoDateTime(),
});
export type ResponseRecord = z.output<typeof responseRecordSchema>;

/** One page of `GET /v1/responses`: newest first; `nextCursor` is `null` on the last page. */
export const responsePageSchema = z.object({
  items: z.array(responseRecordSchema),
  nextCursor: z.nullable(z.string()),
});
export type ResponsePage = z.output<typeof responsePageSchema>;
