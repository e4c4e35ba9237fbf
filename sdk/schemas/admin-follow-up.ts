import * as z from 'zod/mini';
import { FOLLOW_UP_STATUSES } from './admin-record.ts';
import { isoDateTime } from './formats.ts';
import { LIMITS } from './response.ts';
import { text } from './text.ts';

/**
 * Body of `PATCH /v1/responses/:id/follow-up`: any of status, owner (a name, `null` to
 * unassign), due date, and a note. Strict: a misspelt field is a 400 naming it, not a change
 * silently lost. `ownerId` (SPEC §10) comes with accounts; until then owners are names.
 */
export const followUpChangeSchema = z
  .strictObject({
    status: z.optional(z.enum(FOLLOW_UP_STATUSES)),
    owner: z.optional(z.nullable(text(200, 1))),
    dueAt: z.optional(isoDateTime()),
    note: z.optional(text(LIMITS.textLength, 1)),
  })
  .check(
    z.refine((body) => body.status !== undefined || body.owner !== undefined || body.dueAt !== undefined || body.note !== undefined, {
      message: 'needs at least one of status, owner, dueAt, note',
    }),
  );
export type FollowUpChange = z.output<typeof followUpChangeSchema>;
