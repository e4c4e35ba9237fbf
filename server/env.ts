import * as z from 'zod/mini';
import { DEFAULT_DATABASE_URL } from './db/open.ts';
import { parseOrThrow } from '../sdk/index.ts';
import { parseTrustProxy } from './http/client-ip.ts';
import { DEFAULT_RATE_LIMIT } from './http/rate-limit.ts';

/** The sender when `MAIL_FROM` is not set. */
export const DEFAULT_MAIL_FROM = 'onepoint <onepoint@localhost>';

const number = (fallback: number) =>
  z.pipe(z._default(z.string().check(z.regex(/^\d+(\.\d+)?$/, { message: 'must be a number ≥ 0' })), String(fallback)), z.transform(Number));

/** The collector's configuration, from the environment. */
export const envSchema = z.object({
  /** @default 8787 */
  PORT: number(8787),
  /** @default "0.0.0.0" */
  HOST: z._default(z.string(), '0.0.0.0'),
  /** `postgres://…` for Postgres, otherwise a SQLite file (`file:path` or a path). */
  DATABASE_URL: z._default(z.string().check(z.minLength(1)), DEFAULT_DATABASE_URL),
  /** Requests a client may send at once, per site. @default 30 */
  RATE_LIMIT_BURST: number(DEFAULT_RATE_LIMIT.burst),
  /** Sustained requests per second, per client and site. @default 1 */
  RATE_LIMIT_PER_SECOND: number(DEFAULT_RATE_LIMIT.perSecond),
  /**
   * Proxies you run in front of the collector: `0` (none: the socket's address), a hop count, or
   * addresses/CIDRs (`10.0.0.0/8,127.0.0.1`). `X-Forwarded-For` is read from the right past them.
   * @default "0"
   */
  TRUST_PROXY: z.pipe(
    z._default(z.string(), '0'),
    z.transform((value, context) => {
      const parsed = parseTrustProxy(value);
      if (parsed.ok) return parsed.value;
      context.issues.push({ code: 'custom', message: parsed.message, input: value });
      return z.NEVER;
    }),
  ),
  /** Seconds SIGTERM waits for requests in flight. @default 10 */
  SHUTDOWN_GRACE_SECONDS: number(10),
  /**
   * The collector's URL as people reach it (`https://nps.example.com`): invitation and password
   * links point there, and it is the one origin whose pages may change things by session cookie.
   * Over https, cookies are Secure. @default http://HOST:PORT
   */
  PUBLIC_URL: z.optional(z.string().check(z.refine((value) => isHttpUrl(value), { message: 'must be an http(s) URL such as https://nps.example.com' }))),
  /** Signs session cookies; at least 32 characters. @default one made on first start and kept in the database */
  AUTH_SECRET: z.optional(z.string().check(z.minLength(32, { message: 'must be at least 32 characters' }))),
  /**
   * `1` lets webhooks reach loopback, link-local and private addresses (a collector inside a
   * private network posting to its neighbours). Off, those are refused after DNS resolution (SSRF).
   * @default "0"
   */
  WEBHOOK_ALLOW_PRIVATE: z.pipe(z._default(z.enum(['0', '1']), '0'), z.transform((value) => value === '1')),
  /**
   * The SMTP server mail is sent through (`smtp://user:pass@host:587`, `smtps://…:465`). Without
   * it mail is kept in the team app's outbox, never dropped.
   */
  SMTP_URL: z.optional(z.string().check(z.refine((value) => isSmtpUrl(value), { message: 'must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.com:587' }))),
  /** The sender of every mail. @default "onepoint <onepoint@localhost>" */
  MAIL_FROM: z._default(z.string().check(z.minLength(3), z.refine((value) => value.includes('@'), { message: 'must be an address such as onepoint <nps@example.com>' })), DEFAULT_MAIL_FROM),
});

function isSmtpUrl(value: string): boolean {
  try {
    return /^smtps?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

export type CollectorEnv = z.output<typeof envSchema>;

/** The environment with defaults applied; throws naming each bad variable. */
export function readEnv(env: Record<string, string | undefined> = process.env): CollectorEnv {
  return parseOrThrow(envSchema, env, 'collector environment');
}
