import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail the sink took, parsed the way a mail client reads it. */
export interface ReceivedMail {
  to: string[];
  replyTo: string[];
  from: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/** A real SMTP server in this process: what the collector's nodemailer talks to in tests. */
export interface SmtpSink {
  /** `smtp://127.0.0.1:PORT`, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** While `true`, every MAIL FROM is answered 421 (try again later): the server is "down". */
  down: boolean;
  /** Recipients answered 550 (no such mailbox): refused for good. */
  refused: Set<string>;
  close(): Promise<void>;
}

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((object) => object.value.map((address) => address.address ?? ''));

/** The mail's fields a test compares, out of mailparser's result. */
export function received(parsed: ParsedMail): ReceivedMail {
  return {
    to: addresses(parsed.to),
    replyTo: addresses(parsed.replyTo),
    from: addresses(parsed.from),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    messageId: parsed.messageId ?? '',
  };
}

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

/** Starts an SMTP server on a loopback port; no TLS, no auth, every message parsed by mailparser. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: Omit<SmtpSink, 'url' | 'close'> = { received: [], down: false, refused: new Set() };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      callback(sink.down ? smtpError('try again later', 421) : null);
    },
    onRcptTo(address, _session, callback) {
      callback(sink.refused.has(address.address) ? smtpError('no such mailbox', 550) : null);
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          sink.received.push(received(parsed));
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(sink, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
