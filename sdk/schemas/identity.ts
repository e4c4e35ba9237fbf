import * as z from 'zod/mini';
import './csp-safe.ts';
import { email, isoDateTime } from './formats.ts';
import { text } from './text.ts';

// Its own module: only identified users (SaaS) need it, so the script tag loads it only then.
//
// The two "either kind" fields below are custom checks over the schemas they accept rather than
// `z.union`, which would be the only union in the browser's code (a union type ships in the
// survey's first view, zod's core being one module), and which words every failure "Invalid input".
// The collector's OpenAPI document describes the trait value (server/http/openapi.ts).

const traitText = text(500);
const dateTime = isoDateTime();

/** One trait: text of at most 500 characters, a number, true, false or null. */
export const traitValueSchema = z.custom<string | number | boolean | null>(
  (value) => value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) || traitText.safeParse(value).success,
  { message: 'must be text (at most 500 characters), a number, true, false or null' },
);

/** Free-form facts about a user: plan, role, seats… */
export const traitsSchema = z.record(z.string().check(z.maxLength(64)), traitValueSchema);

/** Who the logged-in user is: `onepoint('identify', …)`. */
export const identitySchema = z.strictObject({
  userId: text(256, 1),
  email: z.optional(email()),
  name: z.optional(text(200)),
  /** When the account was created: ISO date-time or epoch milliseconds. */
  createdAt: z.optional(
    z.custom<string | number>((value) => (typeof value === 'number' && value >= 0 && Number.isFinite(value)) || dateTime.safeParse(value).success, {
      message: 'must be an ISO 8601 date-time such as 2026-01-31T12:00:00Z, or epoch milliseconds',
    }),
  ),
  traits: z.optional(traitsSchema),
});
export type Identity = z.output<typeof identitySchema>;
