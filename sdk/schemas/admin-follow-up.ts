import * as z from 'zod/mini';
import { FOLLOW_UP_STATUSES } from './admin-record.ts';
import { isoDateTime } from './formats.ts';
import { LIMITS } from './response.ts';
import { text } from './text.ts';

/**
 * Body of `PATCH /v1/responses/:id/follow-up`: any of status, owner, due date, a note, and a
 * playbook step ticked. The
 * owner is `ownerId`, a member of the team (SPEC §10), or `owner`, a free-text label (v1
 * clients); either `null` unassigns. Strict: a misspelt field is a 400 naming it, not a change
 * silently lost.
 */
export const followUpChangeSchema = z
  .strictObject({
    status: z.optional(z.enum(FOLLOW_UP_STATUSES)),
    /** A member's user id of the team, or `null` to unassign. */
    ownerId: z.optional(z.nullable(text(200, 1))),
    /** A free-text owner label (v1), or `null` to unassign. */
    owner: z.optional(z.nullable(text(200, 1))),
    dueAt: z.optional(isoDateTime()),
    note: z.optional(text(LIMITS.textLength, 1)),
    /** A step of the team's playbook for the response's segment, ticked (`done: true`) or unticked. */
    step: z.optional(z.strictObject({ id: text(40, 1), done: z.boolean() })),
  })
  .check(
    z.refine((body) => body.status !== undefined || body.ownerId !== undefined || body.owner !== undefined || body.dueAt !== undefined || body.note !== undefined || body.step !== undefined, {
      message: 'needs at least one of status, ownerId, owner, dueAt, note, step',
    }),
    z.refine((body) => body.ownerId === undefined || body.owner === undefined, {
      message: 'give ownerId (a member) or owner (a label), not both',
      path: ['owner'],
    }),
  );
export type FollowUpChange = z.output<typeof followUpChangeSchema>;
