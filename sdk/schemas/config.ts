import * as z from 'zod/mini';
import './csp-safe.ts';
import { httpUrl, text } from './text.ts';

/** Where the card sits. `bottom` is a full-width bar, `center` a modal with a backdrop. */
export const POSITIONS = ['bottom-right', 'bottom-left', 'bottom', 'center'] as const;
/** `auto` follows `prefers-color-scheme`. */
export const THEMES = ['light', 'dark', 'auto'] as const;

const SITE_KEY = /^pk_[A-Za-z0-9_-]{4,64}$/;
// Hex, rgb()/hsl()/oklch() functions or a named colour: never anything that could end a declaration.
const CSS_COLOUR = /^(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla|hwb|lab|lch|oklab|oklch)\([0-9a-zA-Z.,%/\s+-]{1,60}\)|[a-zA-Z]{3,30})$/;
const LOCALE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/;

const days = z.number().check(z.gte(0), z.lte(3650));

/** How often one person may be asked. SPEC §5. */
export const throttleSchema = z.object({
  /** Days without a survey after a response. @default 90 */
  afterResponseDays: z._default(days, 90),
  /** Days without a survey after a dismissal. @default 30 */
  afterDismissDays: z._default(days, 30),
  /** Minimum account age, in days, when `identify` gave `createdAt`. @default 30 */
  minUserAgeDays: z._default(days, 30),
  /** Surveys per browsing session (tab session). @default 1 */
  perSession: z._default(z.int().check(z.gte(0), z.lte(100)), 1),
});

/**
 * Everything a page can configure, through `data-*` attributes, `onepoint('init', …)` or
 * `mountSurvey(element, config)`. Each field has its default here and nowhere else.
 */
export const surveyConfigSchema = z.strictObject({
  /** Base URL of the collector (or any server speaking the HTTP contract). */
  endpoint: httpUrl(),
  /** Public site key, `pk_…`. */
  siteKey: z.string().check(z.regex(SITE_KEY, { message: 'must look like pk_ followed by 4–64 letters, digits, _ or -' })),
  /** Identifies the question being asked, so a site can run more than one. @default "nps" */
  surveyId: z._default(z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { message: 'must be 1–64 lowercase letters, digits, _ or -' })), 'nps'),
  /** Fills "How likely are you to recommend {product}…". @default "us" */
  product: z._default(text(80, 1), 'us'),
  /** BCP 47 tag; otherwise the page's `lang`, then the browser's. */
  locale: z.optional(z.string().check(z.regex(LOCALE, { message: 'must be a language tag such as "en", "pt-BR" or "ar"' }))),
  /** @default "bottom-right" */
  position: z._default(z.enum(POSITIONS), 'bottom-right'),
  /** @default "auto" */
  theme: z._default(z.enum(THEMES), 'auto'),
  /** CSS colour of buttons and the selected score. @default "#4338ca" */
  accent: z._default(z.string().check(z.regex(CSS_COLOUR, { message: 'must be a CSS colour such as "#4338ca" or "rgb(67 56 202)"' })), '#4338ca'),
  /** Seconds on the page before the survey shows by itself. @default 5 */
  delay: z._default(z.number().check(z.gte(0), z.lte(3600)), 5),
  /** Share of visitors ever asked, 0–1, decided once per visitor. @default 1 */
  sample: z._default(z.number().check(z.gte(0), z.lte(1)), 1),
  /** `false`: never show by itself, only on `show` or trigger events. @default true */
  auto: z._default(z.boolean(), true),
  /** Event names (`onepoint('track', name)`) that show the survey. @default [] */
  triggers: z._default(z.array(text(64, 1)).check(z.maxLength(20)), []),
  /** Ignore every throttle and mark responses as test. @default false */
  test: z._default(z.boolean(), false),
  /** Shown to promoters with a Copy button. */
  referralCode: z.optional(text(64, 1)),
  /** Shown to promoters, shared through Web Share where available. */
  referralUrl: z.optional(httpUrl()),
  /** A review or testimonial page, shown to promoters only. */
  reviewUrl: z.optional(httpUrl()),
  /** A help page, offered to detractors. */
  supportUrl: z.optional(httpUrl()),
  /** Loyalty-driver chips the respondent may tick after scoring. @default [] */
  drivers: z._default(z.array(text(40, 1)).check(z.maxLength(8)), []),
  /** Limit of the follow-up text, in characters (code points). @default 1000 */
  commentMaxLength: z._default(z.int().check(z.gte(1), z.lte(5000)), 1000),
  /** Offer detractors to be contacted. @default true */
  contactConsent: z._default(z.boolean(), true),
  /** Seconds before the thank-you closes by itself (0: never); paused while focus is inside. @default 10 */
  closeAfter: z._default(z.number().check(z.gte(0), z.lte(600)), 10),
  /**
   * The follow-up question per segment, replacing "What would move you one point higher?" for
   * that segment; `{product}` is filled in. A 10 is still asked what they value most
   * (`messages.followUpQuestionTop`). @default {}
   */
  followUpQuestions: z._default(z.strictObject({ detractor: z.optional(text(300, 1)), passive: z.optional(text(300, 1)), promoter: z.optional(text(300, 1)) }), {}),
  /** Per-key overrides of the built-in words, e.g. `{ followUpQuestion: "…" }`. @default {} */
  messages: z._default(z.record(z.string().check(z.regex(/^[a-zA-Z]{1,40}$/)), text(500)), {}),
  /** See {@link throttleSchema}. */
  throttle: z._default(throttleSchema, { afterResponseDays: 90, afterDismissDays: 30, minUserAgeDays: 30, perSession: 1 }),
});

/** Configuration as a page writes it (defaults optional). */
export type SurveyConfigInput = z.input<typeof surveyConfigSchema>;
/** Configuration with every default applied. */
export type SurveyConfig = z.output<typeof surveyConfigSchema>;
export type Throttle = z.output<typeof throttleSchema>;
