import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import type { Logger } from 'pino';
import { LIMITS } from '../../sdk/index.ts';
import type { Store } from '../db/store.ts';
import { adminPages } from '../admin/page.ts';
import { adminRoutes } from './admin-routes.ts';
import { limitBody } from './body-limit.ts';
import { preflight } from './cors.ts';
import { openApiDocument } from './openapi.ts';
import { problem } from './problem.ts';
import { publicRoutes } from './public-routes.ts';
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit.ts';
import { clientIp } from './client-ip.ts';
import { jobRoutes } from '../jobs/routes.ts';
import type { JobsAdmin } from '../jobs/inspect.ts';

export type AppEnv = { Variables: { ip: string; requestId: string } };

export interface AppOptions {
  store: Store;
  logger: Logger;
  now?: () => number;
  rateLimit?: RateLimitOptions;
  /** Believe `X-Forwarded-For` (behind a load balancer you run). @default false */
  trustProxy?: boolean;
  /** The background jobs behind `GET /v1/jobs` (admin); without it those routes are absent. */
  jobs?: JobsAdmin;
  /** Extra routes mounted before the 404 (the admin pages, the demo). */
  extend?: (app: Hono<AppEnv>) => void;
}

export interface AppDeps {
  store: Store;
  now: () => number;
  rateLimiter: ReturnType<typeof createRateLimiter>;
}

/** The collector's HTTP surface (SPEC §6), on any store. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const deps: AppDeps = { store: options.store, now: options.now ?? Date.now, rateLimiter: createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, options.now) };
  const app = new Hono<AppEnv>();
  let requests = 0;

  // Request id, client address and one log line per request: route, status, time. Never bodies
  // or query strings (comments, emails and user ids live there).
  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = c.req.header('x-request-id')?.slice(0, 100) || `${process.pid.toString(36)}-${(++requests).toString(36)}`;
    c.set('requestId', requestId);
    let socket: string | undefined;
    try {
      socket = getConnInfo(c).remote.address;
    } catch {
      socket = undefined; // not on node-server (app.request in tests)
    }
    c.set('ip', clientIp(c, options.trustProxy ?? false, socket));
    c.header('X-Request-Id', requestId);
    await next();
    options.logger.info({ reqId: requestId, method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });

  app.onError((error, c) => {
    options.logger.error({ reqId: c.get('requestId'), route: c.req.routePath, err: { name: error.name, message: error.message, stack: error.stack } }, 'request failed');
    return problem(c, 500, 'internal', 'the collector failed; the request can be retried');
  });

  // 413 before the body is read: Content-Length first, and a running count for chunked bodies.
  app.use('/v1/*', limitBody(LIMITS.bodyBytes, (c) => problem(c, 413, 'too_large', `the body is over ${LIMITS.bodyBytes} bytes`)));
  app.options('/v1/*', (c) => preflight(c, async (origin) => (await deps.store.listSites()).some((site) => site.origins.includes(origin))));

  publicRoutes(app, deps);
  adminRoutes(app, deps);
  if (options.jobs) jobRoutes(app, deps.store, options.jobs);
  app.get('/v1/openapi.json', (c) => c.json(openApiDocument('1.0.0')));
  app.get('/healthz', async (c) => {
    await deps.store.listSites();
    return c.json({ ok: true });
  });
  adminPages(app);
  options.extend?.(app);
  app.notFound((c) => problem(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`));
  return app;
}
