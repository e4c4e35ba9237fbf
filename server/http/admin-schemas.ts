import * as z from 'zod/mini';
import { SEGMENTS } from '../../sdk/index.ts';
import { FOLLOW_UP_STATUSES } from '../db/store.ts';

const dateParam = z.string().check(
  z.refine((value) => !Number.isNaN(Date.parse(value)), { message: 'must be a date such as 2026-11-01 or 2026-11-01T12:00:00Z' }),
);
const intParam = (min: number, max: number) =>
  z.string().check(z.regex(/^\d+$/, { message: 'must be a whole number' }), z.refine((value) => Number(value) >= min && Number(value) <= max, { message: `must be from ${min} to ${max}` }));
const flag = z.enum(['true', 'false']);

/** Query of `GET /v1/responses` (admin). */
export const listQuerySchema = z.strictObject({
  segment: z.optional(z.enum(SEGMENTS)),
  score: z.optional(intParam(0, 10)),
  from: z.optional(dateParam),
  to: z.optional(dateParam),
  q: z.optional(z.string().check(z.maxLength(200))),
  followUpStatus: z.optional(z.enum(FOLLOW_UP_STATUSES)),
  includeTest: z.optional(flag),
  cursor: z.optional(z.string().check(z.maxLength(500))),
  limit: z.optional(intParam(1, 500)),
});

/** Query of `GET /v1/stats` (admin). */
export const statsQuerySchema = z.strictObject({
  from: z.optional(dateParam),
  to: z.optional(dateParam),
  interval: z.optional(z.enum(['day', 'week', 'month'])),
  includeTest: z.optional(flag),
});

/** Body of `PATCH /v1/responses/:id/follow-up` (admin). */
export const followUpPatchSchema = z
  .strictObject({
    status: z.optional(z.enum(FOLLOW_UP_STATUSES)),
    owner: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(200)))),
    note: z.optional(z.string().check(z.minLength(1), z.maxLength(5000))),
  })
  .check(z.refine((body) => body.status !== undefined || body.owner !== undefined || body.note !== undefined, { message: 'needs at least one of status, owner, note' }));

/** Query of `GET /v1/eligibility`. */
export const eligibilityQuerySchema = z.object({
  siteKey: z.string().check(z.minLength(1)),
  userId: z.string().check(z.minLength(1), z.maxLength(256)),
});

/** Body of `POST /v1/dismissals`. */
export const dismissalSchema = z.object({
  siteKey: z.string().check(z.minLength(1)),
  userId: z.string().check(z.minLength(1), z.maxLength(256)),
});
