import type { JobHandlers } from '../jobs/index.ts';
import { mailDailyHandler } from './daily.ts';
import type { MailContext } from './mail-context.ts';
import { MAIL_DAILY_JOB } from './daily-schedule.ts';
import { MAIL_SEND_JOB } from './queue-mail.ts';
import { mailSendHandler } from './send-handler.ts';
import type { MailTransport } from './transport.ts';

/**
 * Mail's own job kinds: `mail.send` (one outbox row) and `mail.daily` (digest and reminders).
 * `transport` is `undefined` without `SMTP_URL`: mail is then kept in the outbox.
 */
export function mailHandlers(context: MailContext, transport: MailTransport | undefined): JobHandlers {
  return {
    [MAIL_SEND_JOB]: mailSendHandler({ db: context.db, transport, now: context.now }),
    [MAIL_DAILY_JOB]: mailDailyHandler(context),
  };
}
