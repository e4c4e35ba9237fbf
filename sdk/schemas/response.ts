import * as z from 'zod/mini';
import { SEGMENTS } from '../segment.ts';
import './csp-safe.ts';
import { traitsSchema } from './identity.ts';
import { email, isoDateTime } from './formats.ts';
import type { FieldIssue } from './issues.ts';
import { text } from './text.ts';

/** Upper bounds of the wire format, shared by client and collector. */
export const LIMITS = {
  /** Comment and follow-up answers, in code points. */
  textLength: 5000,
  drivers: 8,
  /** Request body, in bytes; the collector answers 413 above it. */
  bodyBytes: 32 * 1024,
} as const;

export const RESPONSE_STATUSES = ['partial', 'complete'] as const;

const uuid = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, { message: 'must be a UUID' }));

// Tolerant reader (SPEC §6): unknown fields are dropped, never a 400, so a newer widget does not
// lose answers on an older collector. Known fields are still validated strictly.

/** The respondent, when the site identified them. */
export const respondentSchema = z.object({
  id: text(256, 1),
  email: z.optional(email()),
  name: z.optional(text(200)),
  traits: z.optional(traitsSchema),
});

/** A survey's id, as a page names it: 1–64 lowercase letters, digits, `_` or `-`. */
export const surveyIdSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { message: 'must be 1–64 lowercase letters, digits, _ or -' }));

/**
 * `POST {endpoint}/v1/responses`. Sent at the first pick (`partial`) and again, with the same
 * `id`, a higher `seq` and the full current state, at each later step. SPEC §6.
 */
export const responsePayloadSchema = z.object({
  id: uuid,
  siteKey: z.string().check(z.regex(/^pk_[A-Za-z0-9_-]{4,64}$/, { message: 'must look like pk_…' })),
  surveyId: surveyIdSchema,
  seq: z.int().check(z.gte(0), z.lte(1_000_000)),
  score: z.int().check(z.gte(0), z.lte(10)),
  comment: z.optional(text(LIMITS.textLength)),
  followUp: z.optional(text(LIMITS.textLength)),
  drivers: z.optional(z.array(text(40, 1)).check(z.maxLength(LIMITS.drivers))),
  contactConsent: z.optional(z.boolean()),
  /** Email given on the thank-you screen when the respondent was not identified. */
  contactEmail: z.optional(email()),
  status: z.enum(RESPONSE_STATUSES),
  anonymousId: text(128, 1),
  user: z.optional(respondentSchema),
  context: z.object({
    url: text(2048),
    locale: text(35),
    createdAt: isoDateTime(),
    test: z.optional(z.boolean()),
  }),
});
export type ResponsePayload = z.output<typeof responsePayloadSchema>;

/** `200` answer to a response post. */
export const ackSchema = z.object({
  id: z.string(),
  seq: z.int(),
  segment: z.enum(SEGMENTS),
});
export type Ack = z.output<typeof ackSchema>;

// A custom check rather than `z.union` or a transform, which the survey's first view has no room for.
const issuePath = z.custom<string | (string | number)[]>(
  (value) => typeof value === 'string' || (Array.isArray(value) && value.every((part) => typeof part === 'string' || typeof part === 'number')),
  { message: 'must be a dotted path or an array of keys' },
);

/**
 * Every 4xx/5xx body: `{ error: { code, message, issues? } }`. Read leniently (SPEC §6): unknown
 * fields pass, and an issue's `path` may be a string or an array of keys.
 */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.optional(z.string()),
    issues: z.optional(z.array(z.object({ path: issuePath, message: z.string() }))),
  }),
});
/** An error body as the SDK hands it over: every issue path a dotted string (`user.email`). */
export type ErrorBody = { error: { code: string; message?: string; issues?: FieldIssue[] } };

/** The error body with array paths joined by dots, so callers see one shape whatever the server sent. */
export function readErrorBody(json: unknown): ErrorBody | undefined {
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { code, message, issues } = parsed.data.error;
  return {
    error: {
      code,
      ...(message === undefined ? {} : { message }),
      ...(issues ? { issues: issues.map((issue) => ({ path: typeof issue.path === 'string' ? issue.path : issue.path.join('.') || '(root)', message: issue.message })) } : {}),
    },
  };
}

/** `GET {endpoint}/v1/eligibility?siteKey&userId`. */
export const eligibilityAnswerSchema = z.object({
  eligible: z.boolean(),
  nextEligibleAt: z.optional(isoDateTime()),
  lastRespondedAt: z.optional(isoDateTime()),
  lastDismissedAt: z.optional(isoDateTime()),
  /** What the team changed after this user's feedback, not yet seen (SPEC §12): shown once, then `POST /v1/notices/:id/seen`. */
  notices: z.optional(z.array(z.object({ id: z.string(), title: z.string(), body: z.string() }))),
});
export type EligibilityAnswer = z.output<typeof eligibilityAnswerSchema>;
