import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Hono } from 'hono';
import type { Driver } from './db/driver.ts';
import { DEFAULT_DATABASE_URL, isPostgresUrl, openDatabase, sqlitePath } from './db/open.ts';
import { jobsAdmin, startRunner, type RunnerOptions } from './jobs/index.ts';
import { cachingSites } from './sites/index.ts';
import { createStore, withResources, type Store } from './store.ts';
import { probeWrite } from './db/write-probe.ts';
import { createApp, type AppOptions } from './app.ts';
import type { AppEnv } from './http/context.ts';
import type { TrustProxy } from './http/client-ip.ts';
import type { BackoffOptions } from './http/failure-backoff.ts';
import type { RateLimitOptions } from './http/rate-limit.ts';
import { createLogger } from './logger.ts';
import { StartupError } from './startup-error.ts';

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
    jobs: jobsAdmin(db),
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.authBackoff ? { authBackoff: options.authBackoff } : {}),
    trustProxy: options.trustProxy ?? false,
    extend: (routes) => options.extend?.(routes, store),
    probeDatabase: () => probeWrite(db),
  });
  const server = await listen(app, options.port ?? 8787, options.host ?? '127.0.0.1').catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  listeningUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info({ port }, 'collector listening');
  const runner = options.jobs === false ? undefined : startRunner(db, { logger, ...options.jobs });
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
