import nodemailer from 'nodemailer';

/** One message as it leaves: a single recipient, the team's member as `Reply-To` when there is one. */
export interface OutgoingMail {
  /** Also the Message-ID's local part: a resend after a lost answer is recognisably the same mail. */
  id: string;
  to: string;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
}

/** What sends mail: SMTP in the collector, anything in tests. Rejects when the message was not taken. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * nodemailer over `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…:465`), from `MAIL_FROM`.
 * Built once per collector: nodemailer keeps its settings, and each send opens its connection.
 * @example smtpTransport('smtp://mail.example:587', 'onepoint <nps@example.com>')
 */
export function smtpTransport(url: string, from: string): MailTransport {
  // nodemailer waits up to 10 minutes on a silent socket by default; a job holding its lease that
  // long only delays the retry that will work. The URL's own query (?socketTimeout=…) still wins.
  const transport = nodemailer.createTransport({ url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  const domain = addressDomain(from);
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.id}@${domain}>`,
      });
    },
  };
}

/** The domain of `Name <user@domain>` or `user@domain`, for Message-IDs. */
function addressDomain(from: string): string {
  const match = /@([^\s>]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'onepoint.invalid';
}

/**
 * Whether an SMTP error is the server's final no (a 5xx reply: unknown mailbox, refused sender),
 * which no retry changes; connection failures and 4xx replies are worth retrying.
 */
export function isPermanentSmtpError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('responseCode' in error)) return false;
  const code = error.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
