import { randomUUID } from 'node:crypto';
import { mayAskForAdvocacy, type MailKind, type OutboxMail, type Segment } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { selectOne } from '../db/rows.ts';
import { enqueue } from '../jobs/index.ts';
import { AdvocacyRefusedError } from './advocacy-refused-error.ts';
import type { MailContent } from './html.ts';
import { outboxRowSchema } from './outbox-row.ts';

/** The job kind that sends one outbox row. */
export const MAIL_SEND_JOB = 'mail.send';

/**
 * Attempts a mail gets: with the queue's backoff (10 s doubling, at most an hour apart) about a
 * day, so an SMTP server down overnight delays mail instead of failing it. @default 30
 */
export const MAIL_SEND_ATTEMPTS = 30;

/** A mail to queue: to one address, with its content from a template. */
export interface NewMail extends MailContent {
  teamId: string;
  kind: MailKind;
  to: string;
  replyTo?: string | null;
  responseId?: string | null;
  /** The site it acts for, so `GET /v1/jobs` lists its send job with that site's. */
  siteId?: string | null;
  /**
   * Queued once per key: a daily job that runs again, or an event delivered twice, queues nothing
   * more. @default none (every call queues)
   */
  dedupeKey?: string;
  /**
   * A referral, review or testimonial ask: refused with {@link AdvocacyRefusedError} unless
   * `segment` is the promoters' (SPEC §11). A reply a member writes is not one.
   */
  advocacy?: boolean;
  /** The respondent's segment, for {@link NewMail.advocacy}. */
  segment?: Segment;
}

/**
 * Writes the mail to the outbox and its `mail.send` job through `tx`, the transaction of the change
 * that causes it: both commit, or neither. The mail as queued, or `undefined` when its
 * `dedupeKey` was queued before.
 */
export async function queueMail(tx: Driver, mail: NewMail, at: number = Date.now()): Promise<OutboxMail | undefined> {
  if (mail.advocacy && !(mail.segment && mayAskForAdvocacy(mail.segment))) throw new AdvocacyRefusedError(mail.segment);
  const id = randomUUID();
  const { changes } = await tx.run(
    `INSERT INTO mail_outbox (id, team_id, kind, to_address, reply_to, subject, text_body, html_body, response_id, dedupe_key, state, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [id, mail.teamId, mail.kind, mail.to, mail.replyTo ?? null, mail.subject, mail.text, mail.html, mail.responseId ?? null, mail.dedupeKey ?? null, at],
  );
  if (changes === 0) return undefined;
  await enqueue(tx, { kind: MAIL_SEND_JOB, key: id, siteId: mail.siteId ?? null, payload: { mailId: id }, maxAttempts: MAIL_SEND_ATTEMPTS }, at);
  const row = await selectOne(tx, outboxRowSchema, 'mail_outbox', 'SELECT * FROM mail_outbox WHERE id = ?', [id]);
  if (!row) throw new Error(`mail ${id} vanished after its insert`);
  return row.mail;
}
