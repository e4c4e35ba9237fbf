import * as z from 'zod/mini';
import type { Driver } from '../db/driver.ts';
import { selectOne } from '../db/rows.ts';
import { PermanentJobError, type JobHandler } from '../jobs/index.ts';
import { outboxRowSchema } from './outbox-row.ts';
import { isPermanentSmtpError, type MailTransport } from './transport.ts';

/** Why a mail is kept rather than sent: what the outbox shows. */
export const NO_SMTP = 'not sent: no SMTP server configured';

const payloadSchema = z.object({ mailId: z.string() });

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/**
 * The `mail.send` job: sends one outbox row and records how it went. Without a transport
 * (`SMTP_URL` unset) the row becomes `kept` and the job completes: the mail stays in the outbox,
 * never dropped. A 5xx from the server, or the last attempt failing, makes it `failed`; anything
 * else is retried with the queue's backoff (`MAIL_SEND_ATTEMPTS`), the error shown on the row
 * meanwhile. A row sent or kept already (an attempt whose answer was lost), or erased, is left alone;
 * a failed one is sent again when its dead job is retried.
 */
export function mailSendHandler(deps: { db: Driver; transport: MailTransport | undefined; now?: () => number }): JobHandler {
  const { db, transport } = deps;
  const now = deps.now ?? Date.now;
  const settle = (id: string, state: 'sent' | 'kept' | 'failed' | 'queued', error: string | null) =>
    db.run(`UPDATE mail_outbox SET state = ?, error = ?, sent_at = ? WHERE id = ? AND state IN ('queued', 'failed')`, [state, error, state === 'sent' ? now() : null, id]);

  return async (payload, context) => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError('a mail.send job needs { mailId }');
    const row = await selectOne(db, outboxRowSchema, 'mail_outbox', 'SELECT * FROM mail_outbox WHERE id = ?', [parsed.data.mailId]);
    // A failed mail runs again only when someone retries its dead job (POST /v1/jobs/:id/retry).
    if (!row || (row.mail.state !== 'queued' && row.mail.state !== 'failed')) return;
    const { mail } = row;
    if (!transport) {
      await settle(mail.id, 'kept', NO_SMTP);
      return;
    }
    try {
      await transport.send({ id: mail.id, to: mail.to, replyTo: mail.replyTo, subject: mail.subject, text: mail.text, html: mail.html });
    } catch (error) {
      const message = messageOf(error);
      if (isPermanentSmtpError(error) || context.attempt >= context.job.maxAttempts) {
        await settle(mail.id, 'failed', message);
        throw new PermanentJobError(`the SMTP server refused the mail: ${message}`, { cause: error });
      }
      await settle(mail.id, 'queued', message);
      throw error;
    }
    await settle(mail.id, 'sent', null);
  };
}
