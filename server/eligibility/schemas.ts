import * as z from 'zod/mini';

// Tolerant readers (SPEC §6): a field the collector does not know is ignored, never a 400.

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
