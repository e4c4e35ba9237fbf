import * as z from 'zod/mini';
import { MAIL_KINDS, MAIL_STATES, type OutboxMail } from '../../sdk/index.ts';
import { int, nullableInt } from '../db/rows.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A row of `mail_outbox` as both engines hand it back, as the API shows it (with its team apart). */
export const outboxRowSchema = z.pipe(
  z.object({
    id: z.string(),
    team_id: z.string(),
    kind: z.enum(MAIL_KINDS),
    to_address: z.string(),
    reply_to: z.nullable(z.string()),
    subject: z.string(),
    text_body: z.string(),
    html_body: z.string(),
    response_id: z.nullable(z.string()),
    state: z.enum(MAIL_STATES),
    error: z.nullable(z.string()),
    created_at: int,
    sent_at: nullableInt,
  }),
  z.transform((row) => ({
    teamId: row.team_id,
    mail: {
      id: row.id,
      kind: row.kind,
      to: row.to_address,
      replyTo: row.reply_to,
      subject: row.subject,
      text: row.text_body,
      html: row.html_body,
      responseId: row.response_id,
      state: row.state,
      error: row.error,
      createdAt: new Date(row.created_at).toISOString(),
      sentAt: iso(row.sent_at),
    } satisfies OutboxMail,
  })),
);
