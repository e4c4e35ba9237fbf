import * as z from 'zod/mini';

// The admin API's schemas (list and stats queries, follow-up changes, records, timeline) are
// the SDK's: sdk/schemas/admin-*.ts. What remains here are the public routes' own.

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
