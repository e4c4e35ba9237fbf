import * as z from 'zod/mini';
import { surveyIdSchema } from '../../sdk/index.ts';

/** Most displays one page may report at once: a page shows a survey a few times, not thousands. */
export const MAX_IMPRESSIONS = 1000;

/**
 * Body of `POST /v1/impressions`: how many times a page showed a survey (anonymous; the widget
 * batches a page's displays). Tolerant reader (SPEC §6): unknown fields are ignored.
 */
export const impressionSchema = z.object({
  siteKey: z.string().check(z.minLength(1)),
  surveyId: surveyIdSchema,
  count: z.int().check(z.gte(1, { message: `must be a whole number from 1 to ${MAX_IMPRESSIONS}` }), z.lte(MAX_IMPRESSIONS, { message: `must be a whole number from 1 to ${MAX_IMPRESSIONS}` })),
});
export type Impression = z.output<typeof impressionSchema>;
