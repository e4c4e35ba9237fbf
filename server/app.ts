import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import type { Logger } from 'pino';
import { LIMITS } from '../sdk/index.ts';
import { appPages } from './app-pages/index.ts';
import { DatabaseBusyError } from './db/database-busy-error.ts';
import { eligibilityRoutes } from './eligibility/index.ts';
import { followUpRoutes } from './follow-ups/index.ts';
import { impressionRoutes } from './impressions/index.ts';
import { limitBody } from './http/body-limit.ts';
import { ClientAbortedError, isClientAbort } from './http/client-aborted-error.ts';
import { clientIp, type TrustProxy } from './http/client-ip.ts';
import type { AppEnv, HttpDeps } from './http/context.ts';
import { preflight } from './http/cors.ts';
import { createBackoff, DEFAULT_BACKOFF, type BackoffOptions } from './http/failure-backoff.ts';
import { knownOrigins } from './http/known-origins.ts';
import { problem } from './http/problem.ts';
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from './http/rate-limit.ts';
import { securityHeaders } from './http/security-headers.ts';
import { jobRoutes, type JobsAdmin } from './jobs/index.ts';
import { requestLogLevel } from './logger.ts';
import { openApiDocument } from './openapi.ts';
import { ingestRoutes, queryCounter, responseAdminRoutes } from './responses/index.ts';
import { playbookRoutes, playbooksStore } from './playbooks/index.ts';
import { savedViewsStore, viewRoutes } from './views/index.ts';
import type { Authorize } from './http/principal.ts';
import type { Store } from './store.ts';
import { openAccounts, type AccountsSetup } from './accounts.ts';
import type { PasswordHasher } from './auth/password-hash.ts';
import { setActiveTeam } from './auth/active-team.ts';
import { authRoutes } from './auth/routes.ts';
import { createAuthorize } from './authorize.ts';
import { siteRoutes } from './sites/routes.ts';
import { teamSiteIds } from './sites/team-sites.ts';
import { teamRoutes } from './teams/routes.ts';
import { auditRoutes, auditStore, requestAudit } from './audit/index.ts';
import { tokenRoutes, tokensStore } from './tokens/index.ts';
import { webhookRoutes, webhooksStore } from './webhooks/index.ts';
import { mailRoutes, mailStore } from './mail/index.ts';
import { changeRoutes, changesStore, noticeRoutes, noticesStore, type ChangeEffects } from './changes/index.ts';
import { peopleRoutes, type PersonEraser } from './people/index.ts';
import { retentionRoutes } from './retention/index.ts';

export interface AppOptions {
  store: Store;
  logger: Logger;
  now?: () => number;
  rateLimit?: RateLimitOptions;
  /** How wrong secret keys from one address are slowed down. @default DEFAULT_BACKOFF */
  authBackoff?: BackoffOptions;
  /** Which proxies' `X-Forwarded-For` hops to believe (behind a load balancer you run). @default false */
  trustProxy?: TrustProxy;
  /** The background jobs behind `GET /v1/jobs` (admin); without it those routes are absent. */
  jobs?: JobsAdmin;
  /**
   * Who admin requests act as (401 without anyone, 403 below the route's role). Route tests pass
   * a fixed principal; the collector never sets it.
   * @default `createAuthorize`: session cookies, API tokens and v1 site secret keys
   */
  authorize?: Authorize;
  /** Extra routes mounted before the 404 (the demo's, a test's). */
  extend?: (app: Hono<AppEnv>) => void;
  /** Proves the database takes writes, for `/healthz` (503 when it rejects). @default a read of the sites */
  probeDatabase?: () => Promise<void>;
  /**
   * The collector's URL as people reach it (`PUBLIC_URL`): links in invitations and the one origin
   * whose pages may change things by session cookie. Read when the first request arrives (a
   * collector on port 0 knows its URL only once it listens). @default http://localhost
   */
  publicUrl?: () => string;
  /** Other origins of this same collector a browser may be on (`http://localhost:8787` next to `http://127.0.0.1:8787`). */
  alsoTrusted?: () => readonly string[];
  /** Signs session cookies (`AUTH_SECRET`). @default one made on first start and kept in the database */
  authSecret?: string;
  /** How passwords are hashed. @default argon2id */
  hasher?: PasswordHasher;
  /** How wrong passwords are slowed down, per account and per address. @default 5 free per account, 20 per address, then 1, 2, 4 … s */
  signInBackoff?: { account: BackoffOptions; address: BackoffOptions };
  /** Webhooks' destinations: `allowPrivate` lets them be loopback or private addresses (`WEBHOOK_ALLOW_PRIVATE=1`). @default { allowPrivate: false } */
  webhooks?: { allowPrivate: boolean };
  /** What publishing a change queues besides its own rows: the respondents' emails, the `loop.closed` event. @default none (until mail and webhooks are wired) */
  loopEffects?: ChangeEffects;
  /** What other parts keep of a person, erased with them (the mail outbox, webhook deliveries). @default none */
  personErasers?: readonly PersonEraser[];
}


/** What a 503 for a busy database asks clients to wait, in seconds. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

/** The collector's HTTP surface (SPEC §6), on any store. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const rate = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const { sites, responses, followUps, eligibility, members, impressions } = options.store.resources;
  const deps: HttpDeps = {
    now: options.now ?? Date.now,
    rateLimiter: createRateLimiter(rate, options.now),
    failures: createRateLimiter(rate, options.now),
    authFailures: createBackoff(options.authBackoff ?? DEFAULT_BACKOFF, options.now),
  };
  const originKnown = knownOrigins(() => sites.listSites(), 5000, deps.now);
  const app = new Hono<AppEnv>();
  let requests = 0;
  const publicUrl = options.publicUrl ?? (() => 'http://localhost');
  const trusted = () => [new URL(publicUrl()).origin, ...(options.alsoTrusted?.() ?? [])];
  const { teams } = options.store.resources;
  const db = options.store.db;
  let made: Promise<AccountsSetup> | undefined;
  const accountsOf = () =>
    (made ??= openAccounts({
      db,
      teams,
      publicUrl,
      alsoTrusted: options.alsoTrusted?.() ?? [],
      ...(options.authSecret ? { secret: options.authSecret } : {}),
      logger: options.logger,
      ...(options.hasher ? { hasher: options.hasher } : {}),
      now: deps.now,
    }));
  const authOf = async () => (await accountsOf()).auth;
  const signIn = options.signInBackoff ?? { account: { ...DEFAULT_BACKOFF, maxSeconds: 900 }, address: { ...DEFAULT_BACKOFF, free: 20, maxSeconds: 900 } };

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
    c.set('ip', clientIp(c.req.header('x-forwarded-for'), socket, options.trustProxy ?? false));
    c.header('X-Request-Id', requestId);
    await next();
    options.logger[requestLogLevel(c.req.path, (name) => c.req.header(name))]({ reqId: requestId, method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });

  app.use('*', securityHeaders);

  app.onError((error, c) => {
    if (error instanceof DatabaseBusyError) {
      // Another process holds the write lock: a moment's wait fixes it, and clients retry a 503.
      options.logger.warn({ reqId: c.get('requestId'), route: c.req.routePath }, 'database busy');
      c.header('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
      return problem(c, 503, 'database_busy', `the database is busy; retry in ${BUSY_RETRY_AFTER_SECONDS} s`);
    }
    // Also the raw error: a chunked body is read by the body-size limit, before any route.
    if (error instanceof ClientAbortedError || isClientAbort(error)) {
      options.logger.info({ reqId: c.get('requestId'), route: c.req.routePath }, 'request aborted by client');
      return problem(c, 400, 'request_aborted', error instanceof ClientAbortedError ? error.message : 'the client closed the request before its body arrived');
    }
    options.logger.error({ reqId: c.get('requestId'), route: c.req.routePath, err: { name: error.name, message: error.message, stack: error.stack } }, 'request failed');
    return problem(c, 500, 'internal', 'the collector failed; the request can be retried');
  });

  // 413 before the body is read: Content-Length first, and a running count for chunked bodies.
  app.use('/v1/*', limitBody(LIMITS.bodyBytes, (c) => problem(c, 413, 'too_large', `the body is over ${LIMITS.bodyBytes} bytes`)));
  app.options('/v1/*', async (c) => {
    const wait = deps.rateLimiter.take(`${c.get('ip')}|preflight`);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return problem(c, 429, 'rate_limited', `too many preflights; try again in ${wait} s`);
    }
    return preflight(c, originKnown);
  });

  // Each resource gets its own store and what every route shares; none sees another's store.
  ingestRoutes(app, { ...deps, sites, responses });
  const notices = noticesStore(db, deps.now);
  eligibilityRoutes(app, { ...deps, sites, eligibility, noticesFor: (siteId, userId) => notices.pending(siteId, userId) });
  noticeRoutes(app, { ...deps, sites, notices });
  impressionRoutes(app, { ...deps, sites, impressions });
  // Accounts (SPEC §9): better-auth's sign-in behind our throttle and CSRF check; the team routes
  // behind `authorize`, which knows sessions, API tokens and v1 site keys.
  authRoutes(app, {
    auth: authOf,
    trusted,
    accountFailures: createBackoff(signIn.account, options.now),
    addressFailures: createBackoff(signIn.address, options.now),
  });
  const audit = requestAudit(db, deps.now);
  const tokens = tokensStore(db, deps.now);
  const authorize = options.authorize ?? createAuthorize({
    auth: authOf,
    teams,
    teamSiteIds: (teamId) => teamSiteIds(db, teamId),
    tokenBySecret: (secret) => tokens.tokenBySecret(secret),
    siteBySecret: (secret) => sites.siteBySecret(secret),
    authFailures: deps.authFailures,
    trusted,
    now: deps.now,
  });
  // Admin routes: each takes the role it needs from `authorize`, and answers for the principal's sites only.
  const isMember = async (teamId: string, userId: string) => (await members.memberName(teamId, userId)) !== undefined;
  responseAdminRoutes(app, { ...deps, responses, authorize, isMember, audit });
  followUpRoutes(app, { followUps, authorize, audit });
  viewRoutes(app, { views: savedViewsStore(db, deps.now), authorize, audit, now: deps.now, countQuery: queryCounter(responses, { isMember, now: deps.now }) });
  playbookRoutes(app, { playbooks: playbooksStore(db, deps.now), authorize, audit });
  if (options.jobs) jobRoutes(app, { jobs: options.jobs, authorize });
  tokenRoutes(app, { tokens, authorize, audit });
  webhookRoutes(app, { webhooks: webhooksStore(db, deps.now), authorize, audit, allowPrivate: options.webhooks?.allowPrivate ?? false, now: deps.now });
  auditRoutes(app, { auditLog: auditStore(db), authorize });
  mailRoutes(app, { mail: mailStore(db, deps.now), authorize, audit });
  // Closing the loop and privacy (SPEC §12–§13).
  changeRoutes(app, { changes: changesStore(db, { now: deps.now, ...(options.loopEffects ? { effects: options.loopEffects } : {}) }), authorize, audit });
  peopleRoutes(app, { db, authorize, audit, ...(options.personErasers ? { erasers: options.personErasers } : {}) });
  retentionRoutes(app, { db, authorize, audit });
  siteRoutes(app, { sites, authorize, audit, originsChanged: () => originKnown.forget() });
  teamRoutes(app, {
    teams,
    accounts: async () => (await accountsOf()).accounts,
    authorize,
    audit,
    setActiveTeam: (sessionId, teamId) => setActiveTeam(db, sessionId, teamId),
    trusted,
    linkFailures: createBackoff({ ...DEFAULT_BACKOFF, free: 20, maxSeconds: 900 }, options.now),
  });
  app.get('/v1/openapi.json', (c) => c.json(openApiDocument('1.0.0')));
  // Healthy means able to take a write: a read-only or locked database answers reads but not posts.
  app.get('/healthz', async (c) => {
    try {
      await (options.probeDatabase ?? (() => sites.listSites()))();
    } catch (error) {
      if (error instanceof DatabaseBusyError) throw error; // onError: 503 with Retry-After
      options.logger.warn({ reqId: c.get('requestId'), err: { name: error instanceof Error ? error.name : 'unknown', message: String(error instanceof Error ? error.message : error) } }, 'health check failed');
      return problem(c, 503, 'database_unavailable', 'the database does not take writes');
    }
    return c.json({ ok: true });
  });
  appPages(app);
  options.extend?.(app);
  app.notFound((c) => problem(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`));
  return app;
}
