import * as z from 'zod/mini';
import './csp-safe.ts';
import { isoDateTime, text } from './text.ts';

// Its own module: only identified users (SaaS) need it, so the script tag loads it only then.

/** Free-form facts about a user: plan, role, seats… */
export const traitsSchema = z.record(z.string().check(z.maxLength(64)), z.union([text(500), z.number(), z.boolean(), z.null()]));

/** Who the logged-in user is: `onepoint('identify', …)`. */
export const identitySchema = z.strictObject({
  userId: text(256, 1),
  email: z.optional(z.email({ message: 'must be an email address' })),
  name: z.optional(text(200)),
  /** When the account was created: ISO date-time or epoch milliseconds. */
  createdAt: z.optional(z.union([isoDateTime(), z.number().check(z.gte(0))])),
  traits: z.optional(traitsSchema),
});
export type Identity = z.output<typeof identitySchema>;
