import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Hono } from 'hono';
import { openDatabase } from './db/open.ts';
import { jobsAdmin, startRunner, type RunnerOptions } from './jobs/index.ts';
import { cachingSites } from './db/site-cache.ts';
import { sqlStore } from './db/sql-store.ts';
import type { Store } from './db/store.ts';
import { createApp, type AppEnv } from './http/app.ts';
import type { RateLimitOptions } from './http/rate-limit.ts';
import { createLogger } from './logger.ts';

export interface CollectorOptions {
  databaseUrl?: string;
  port?: number;
  host?: string;
  rateLimit?: RateLimitOptions;
  trustProxy?: boolean;
  logger?: Logger;
  shutdownGraceMs?: number;
  extend?: (app: Hono<AppEnv>, store: Store) => void;
  /** The background job runner (handlers, poll interval, lease); `false` runs none in this process. */
  jobs?: RunnerOptions | false;
}

export interface RunningCollector {
  url: string;
  port: number;
  store: Store;
  /** Stops taking connections and jobs, lets requests and jobs in flight finish (up to the grace time), closes the database. */
  close(): Promise<void>;
}

/** Opens the database (migrating it), and serves the collector. */
export async function startCollector(options: CollectorOptions = {}): Promise<RunningCollector> {
  const logger = options.logger ?? createLogger();
  const db = await openDatabase(options.databaseUrl);
  const store = cachingSites(sqlStore(db));
  const app = createApp({
    store,
    logger,
    jobs: jobsAdmin(db),
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    trustProxy: options.trustProxy ?? false,
    extend: (routes) => options.extend?.(routes, store),
  });
  const server: ServerType = await new Promise((resolve) => {
    const listening = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: options.host ?? '127.0.0.1' }, () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  logger.info({ port }, 'collector listening');
  const runner = options.jobs === false ? undefined : startRunner(db, { logger, ...options.jobs });
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
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
