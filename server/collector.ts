import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Hono } from 'hono';
import type { Driver } from './db/driver.ts';
import { DEFAULT_DATABASE_URL, isPostgresUrl, openDatabase, sqlitePath } from './db/open.ts';
import { responseRow, toRecord } from './responses/index.ts';
import { cachingSites, siteTeamId } from './sites/index.ts';
import { guardedSender, webhookJobHandlers, type NotifyAdmins, type Sender } from './webhooks/index.ts';
import { jobsAdmin, startRunner, type JobHandlers, type RunnerOptions } from './jobs/index.ts';
import { ensureRetentionJob, RETENTION_JOB, retentionHandler } from './retention/index.ts';
import { mailHandlers, mailOnResponseScored, nextDailyDay, notifyAdmins, scheduleDaily, smtpTransport, type MailContext } from './mail/index.ts';
import { loopEffects, PERSON_ERASERS } from './loop-wiring.ts';
import { createStore, withResources, type Store } from './store.ts';
import { probeWrite } from './db/write-probe.ts';
import { createApp, type AppOptions } from './app.ts';
import type { AppEnv } from './http/context.ts';
import type { TrustProxy } from './http/client-ip.ts';
import type { BackoffOptions } from './http/failure-backoff.ts';
import type { RateLimitOptions } from './http/rate-limit.ts';
import { createLogger } from './logger.ts';
import { StartupError } from './startup-error.ts';
import { DEFAULT_MAIL_FROM } from './env.ts';

/**
 * How long a request waits for another process's SQLite write lock (a CLI, a backup) before it
 * answers 503 with `Retry-After`, which clients retry. Short: a held request is a held socket.
 * The wait never blocks other requests. The CLI keeps the driver's longer default.
 */
export const COLLECTOR_LOCK_WAIT_MS = 200;

export interface CollectorOptions {
  databaseUrl?: string;
  port?: number;
  host?: string;
  rateLimit?: RateLimitOptions;
  /** How wrong secret keys from one address are slowed down (tests that try many set it loose). */
  authBackoff?: BackoffOptions;
  trustProxy?: TrustProxy;
  logger?: Logger;
  shutdownGraceMs?: number;
  extend?: (app: Hono<AppEnv>, store: Store) => void;
  /** The background job runner (handlers, poll interval, lease); `false` runs none in this process. */
  jobs?: RunnerOptions | false;
  /** The URL people reach this collector at (`PUBLIC_URL`), for links and the CSRF check. @default http://HOST:PORT once listening */
  publicUrl?: string;
  /** Signs session cookies (`AUTH_SECRET`). @default one kept in the database */
  authSecret?: string;
  /** How passwords are hashed (tests count calls). @default argon2id */
  hasher?: AppOptions['hasher'];
  /** Sign-in throttles (tests that sign in often set them loose). */
  signInBackoff?: AppOptions['signInBackoff'];
  /** The app's clock. @default Date.now */
  now?: () => number;
  /** How webhooks are sent (SPEC §11). */
  webhooks?: WebhookOptions;
  /** The SMTP server mail goes through (`SMTP_URL`). @default none: mail is kept in the outbox */
  smtpUrl?: string;
  /** The sender of every mail (`MAIL_FROM`). @default "onepoint <onepoint@localhost>" */
  mailFrom?: string;
  /** What publishing a change queues besides its own rows (mail, webhooks). @default the collector's own mail and webhooks */
  loopEffects?: AppOptions['loopEffects'];
  /** What other parts keep of a person, erased with them. @default the mail outbox and webhook deliveries */
  personErasers?: AppOptions['personErasers'];
}

/** Webhook delivery: what touches the world (the network, the clock, mail to admins) is injected. */
export interface WebhookOptions {
  /** Lets webhooks reach loopback and private addresses (`WEBHOOK_ALLOW_PRIVATE=1`): for a collector on a private network, and tests. @default false */
  allowPrivate?: boolean;
  /** Tells a team's admins a webhook was turned off. @default a warning in the log */
  notifyAdmins?: NotifyAdmins;
  /** @default the SSRF-guarded node:http(s) sender */
  send?: Sender;
  /** How long one attempt may take. @default 10000 */
  timeoutMs?: number;
  /** The deliveries' clock (signatures, the retry window). @default Date.now */
  now?: () => number;
  /** @default RETRY_WINDOW_MS (24 h) */
  retryWindowMs?: number;
}

export interface RunningCollector {
  url: string;
  /** The routes it serves (tests walk them). */
  app: Hono<AppEnv>;
  port: number;
  store: Store;
  /** Stops taking connections and jobs, lets requests and jobs in flight finish (up to the grace time), closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the database (migrating it), checks that it takes writes, and serves the collector.
 * Rejects with {@link StartupError} for what the operator must fix: a database that cannot be
 * opened or written, a port in use.
 */
export async function startCollector(options: CollectorOptions = {}): Promise<RunningCollector> {
  const logger = options.logger ?? createLogger();
  const db = await openWritable(options.databaseUrl ?? DEFAULT_DATABASE_URL);
  // The same clock as the routes: a response stored "ten days ago" in a test is due as one would be.
  const plain = createStore(db, options.now ?? Date.now);
  const store = withResources({ ...plain.resources, sites: cachingSites(plain.resources.sites) }, plain.close, db);
  let listeningUrl = '';
  const app = createApp({
    store,
    logger,
    publicUrl: () => options.publicUrl ?? listeningUrl,
    // The same collector by name: a browser on localhost:PORT is as much at home as one on 127.0.0.1:PORT.
    alsoTrusted: () => (options.publicUrl ? [] : [listeningUrl.replace('//127.0.0.1:', '//localhost:')]),
    ...(options.authSecret ? { authSecret: options.authSecret } : {}),
    ...(options.hasher ? { hasher: options.hasher } : {}),
    ...(options.signInBackoff ? { signInBackoff: options.signInBackoff } : {}),
    ...(options.now ? { now: options.now } : {}),
    loopEffects: options.loopEffects ?? loopEffects(options.now),
    personErasers: options.personErasers ?? PERSON_ERASERS,
    jobs: jobsAdmin(db),
    webhooks: { allowPrivate: options.webhooks?.allowPrivate ?? false },
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.authBackoff ? { authBackoff: options.authBackoff } : {}),
    trustProxy: options.trustProxy ?? false,
    extend: (routes) => options.extend?.(routes, store),
    probeDatabase: () => probeWrite(db),
  });
  // Before listening: a database that refuses this write stops the start with the store closed.
  const mailJobHandlers = options.jobs === false ? {} : await mailJobs(db, options, () => options.publicUrl ?? listeningUrl, resourceHandlers(db, options.webhooks ?? {})).catch(async (error: unknown) => {
    await store.close();
    throw new StartupError(`cannot queue the daily mail job: ${messageOf(error)}`, { cause: error });
  });
  const server = await listen(app, options.port ?? 8787, options.host ?? '127.0.0.1').catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  listeningUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info({ port }, 'collector listening');
  // The daily retention sweep (SPEC §13) queues its next day itself; starting makes sure today's is queued.
  const runner = options.jobs === false ? undefined : startRunner(db, { logger, ...options.jobs, handlers: { ...mailJobHandlers, [RETENTION_JOB]: retentionHandler(db, options.now), ...options.jobs?.handlers } });
  if (runner) await ensureRetentionJob(db, (options.now ?? Date.now)());
  let closing: Promise<void> | undefined;
  return {
    url: listeningUrl,
    app,
    port,
    store,
    close: () =>
      (closing ??= (async () => {
        const graceMs = options.shutdownGraceMs ?? 10_000;
        const grace = setTimeout(() => 'closeAllConnections' in server && server.closeAllConnections(), graceMs);
        // Requests and jobs drain together, each within the grace time.
        await Promise.all([
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            if ('closeIdleConnections' in server) server.closeIdleConnections();
          }),
          runner?.stop(graceMs),
        ]);
        clearTimeout(grace);
        await store.close();
        logger.info('collector stopped');
      })()),
  };
}

/**
 * The jobs of the collector's resources, composed here so the queue knows none of them: response
 * events and follow-up changes fan out to webhooks, which ask responses and sites through the
 * functions those export.
 */
function resourceHandlers(db: Driver, webhooks: WebhookOptions): JobHandlers {
  const allowPrivate = webhooks.allowPrivate ?? false;
  return webhookJobHandlers({
    db,
    send: webhooks.send ?? guardedSender({ allowPrivate, timeoutMs: webhooks.timeoutMs ?? 10_000 }),
    ...(webhooks.now ? { now: webhooks.now } : {}),
    ...(webhooks.retryWindowMs ? { retryWindowMs: webhooks.retryWindowMs } : {}),
    recordOf: async (tx, siteId, responseId) => {
      const row = await responseRow(tx, [siteId], responseId);
      return row && toRecord(row);
    },
    teamOfSite: siteTeamId,
    // The admins' mail and its jobs commit together (without SMTP it waits in the outbox).
    notifyAdmins: webhooks.notifyAdmins ?? (async (teamId, subject, text) => void (await db.transaction((tx) => notifyAdmins(tx, teamId, subject, text)))),
  });
}

/**
 * Mail's job handlers, and the first daily job queued (each collector asks; the date keys it, so
 * one runs). The SMTP transport is built here, once; without `smtpUrl` mail is kept in the outbox.
 */
async function mailJobs(db: Driver, options: CollectorOptions, publicUrl: () => string, others: JobHandlers): Promise<JobHandlers> {
  const now = options.now ?? Date.now;
  const context: MailContext = { db, publicUrl, now };
  const transport = options.smtpUrl ? smtpTransport(options.smtpUrl, options.mailFrom ?? DEFAULT_MAIL_FROM) : undefined;
  await scheduleDaily(db, nextDailyDay(now()), now());
  // A first score fans out to webhooks and alerts by mail: both subscribe to the one event.
  const scoredBefore = others['response.scored'];
  const mailScored = mailOnResponseScored(context);
  return {
    ...others,
    ...mailHandlers(context, transport),
    'response.scored': async (payload, job) => {
      await scoredBefore?.(payload, job);
      await mailScored(payload, job);
    },
  };
}

/** The database, migrated and proven writable; otherwise a {@link StartupError} naming it. */
async function openWritable(url: string): Promise<Driver> {
  // Never the URL itself for Postgres: it may carry a password.
  const where = isPostgresUrl(url) ? `Postgres database ${postgresName(url)}` : `SQLite file ${sqlitePath(url)}`;
  const driver = await openDatabase(url, { lockWaitMs: COLLECTOR_LOCK_WAIT_MS }).catch((error: unknown) => {
    throw new StartupError(`cannot open the ${where}: ${messageOf(error)}`, { cause: error });
  });
  try {
    await probeWrite(driver);
  } catch (error) {
    await driver.close().catch(() => undefined);
    const fix = isPostgresUrl(url) ? 'point DATABASE_URL at a primary that accepts writes' : 'give the collector write access to the file and its folder';
    throw new StartupError(`cannot write to the ${where} (${messageOf(error)}); ${fix}`, { cause: error });
  }
  return driver;
}

/** Listens on `host:port`; a port in use or refused is a {@link StartupError}, not an unhandled 'error' event. */
function listen(app: Hono<AppEnv>, port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, () => {
      server.off('error', fail);
      resolve(server);
    });
    const fail = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new StartupError(`port ${port} is already in use (set PORT)`, { cause: error }));
      else if (error.code === 'EACCES') reject(new StartupError(`port ${port} needs privileges this process lacks (set PORT)`, { cause: error }));
      else reject(new StartupError(`cannot listen on ${hostname}:${port}: ${error.message}`, { cause: error }));
    };
    server.once('error', fail);
  });
}

function postgresName(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return '(DATABASE_URL)';
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
