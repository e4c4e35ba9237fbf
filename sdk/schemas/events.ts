import * as z from 'zod/mini';
import { SEGMENTS } from '../segment.ts';

const segment = z.enum(SEGMENTS);
const step = z.enum(['score', 'follow-up', 'thank-you']);

/** Payloads of `onepoint('on', name, handler)` and the `mountSurvey` controller's events. */
export const eventSchemas = {
  shown: z.object({ surveyId: z.string(), trigger: z.enum(['auto', 'show', 'event', 'inline']) }),
  scored: z.object({ id: z.string(), score: z.int(), segment }),
  submitted: z.object({ id: z.string(), seq: z.int(), status: z.enum(['partial', 'complete']), score: z.int(), segment }),
  dismissed: z.object({ id: z.optional(z.string()), step }),
  closed: z.object({ id: z.optional(z.string()), completed: z.boolean() }),
  error: z.object({ code: z.string(), message: z.string(), field: z.optional(z.string()) }),
} as const;

export type EventName = keyof typeof eventSchemas;
/** `EventMap['submitted']` is the payload of a `submitted` event. */
export type EventMap = { [K in EventName]: z.output<(typeof eventSchemas)[K]> };
export const EVENT_NAMES: readonly EventName[] = ['shown', 'scored', 'submitted', 'dismissed', 'closed', 'error'];
