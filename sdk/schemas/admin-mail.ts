import * as z from 'zod/mini';
import { intParam, toParams } from './admin-params.ts';
import { email, isoDateTime } from './formats.ts';
import { text } from './text.ts';

/**
 * Where a mail is (SPEC §11): `queued` until its job runs, `sent` (the SMTP server took it),
 * `kept` (no SMTP server configured: kept here, never dropped), `failed` (refused for good).
 */
export const MAIL_STATES = ['queued', 'sent', 'kept', 'failed'] as const;
export type MailState = (typeof MAIL_STATES)[number];

/** What a mail is for: alerts, the digest, reminders, a member's reply, a notice to admins. */
/** `account-link`: an invitation or password link; `change`: a "what changed" mail to a respondent; `notice`: a word to the team's admins. */
export const MAIL_KINDS = ['new-detractor', 'digest', 'due-tomorrow', 'overdue', 'reply', 'notice', 'account-link', 'change'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** One mail of the team's outbox, as `GET /v1/outbox` shows it. */
export const outboxMailSchema = z.object({
  id: z.string(),
  kind: z.enum(MAIL_KINDS),
  to: z.string(),
  replyTo: z.nullable(z.string()),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  /** The response it is about (an alert, a reply), if any. */
  responseId: z.nullable(z.string()),
  state: z.enum(MAIL_STATES),
  /** Why it is not sent (yet): `not sent: no SMTP server configured`, the SMTP server's answer. */
  error: z.nullable(z.string()),
  createdAt: isoDateTime(),
  sentAt: z.nullable(isoDateTime()),
});
export type OutboxMail = z.output<typeof outboxMailSchema>;

/** `GET /v1/outbox` (admin): newest first. */
export const outboxPageSchema = z.object({ items: z.array(outboxMailSchema) });

/** Query of `GET /v1/outbox`: strict, so a misspelt filter is a 400 naming it. */
export const outboxQuerySchema = z.strictObject({
  state: z.optional(z.enum(MAIL_STATES)),
  /** @default 50 */
  limit: z.optional(intParam(1, 500)),
});
export type OutboxQuery = z.output<typeof outboxQuerySchema>;

/** The query as query-string text. */
export const outboxQueryParams = (query: OutboxQuery): Record<string, string> => toParams(query);

/** `GET`/`PUT /v1/me/mail-preferences`: what this member gets from this team. */
export const mailPreferencesSchema = z.strictObject({
  /** An alert when a detractor answers (theirs, or the team's when they are an alert recipient). */
  newDetractor: z.boolean(),
  /** The daily digest: new responses by segment, NPS change, overdue follow-ups. */
  digest: z.boolean(),
  /** Their follow-ups due tomorrow, and those just overdue. */
  reminders: z.boolean(),
});
export type MailPreferences = z.output<typeof mailPreferencesSchema>;

/** `GET`/`PATCH /v1/team/alert-recipients` (admin): who gets new-detractor alerts of unowned responses. */
export const alertRecipientsSchema = z.strictObject({
  /** Addresses; `null` means the team's admins. */
  emails: z.nullable(z.array(email()).check(z.minLength(1, { message: 'must list at least one address, or be null for the team’s admins' }), z.maxLength(50))),
});
export type AlertRecipients = z.output<typeof alertRecipientsSchema>;

/** `POST /v1/responses/:id/reply` (member): a message to the respondent, `Reply-To` the member. */
export const replySchema = z.strictObject({
  subject: text(200, 1),
  body: text(10_000, 1),
});
export type Reply = z.output<typeof replySchema>;

/** The answer to a reply: the mail as queued. */
export const replyQueuedSchema = z.object({ mail: outboxMailSchema });
