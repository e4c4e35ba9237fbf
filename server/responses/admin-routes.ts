import type { Context, Hono } from 'hono';
import { stream } from 'hono/streaming';
import { listQuerySchema, statsQuerySchema, statsSummaryQuerySchema, type ListQuery } from '../../sdk/index.ts';
import type { Audit } from '../http/audit.ts';
import type { AppEnv, HttpDeps } from '../http/context.ts';
import type { Authorize, PrincipalEnv } from '../http/principal.ts';
import { problem } from '../http/problem.ts';
import { check } from '../http/validate.ts';
import { csvHeader, csvRecord } from './csv.ts';
import { InvalidCursorError } from './cursor.ts';
import { statsFiltersFromQuery } from './stats-filters.ts';
import { queryScope } from './query-scope.ts';
import type { ResponseFilters } from './response-filters.ts';
import type { ResponsesStore } from './store.ts';

export interface ResponseAdminDeps extends Pick<HttpDeps, 'now'> {
  responses: ResponsesStore;
  authorize: Authorize;
  /** Whether `userId` is a member of `teamId` (`owner=` names members by id); the teams resource answers it. */
  isMember: (teamId: string, userId: string) => Promise<boolean>;
  audit: Audit;
}

/**
 * The admin API of responses: the list with every SPEC §10 filter, its CSV, the stats, over the
 * principal's sites (a team's, or one site key's). Each route takes `authorize` itself:
 * `POST /v1/responses`, the public ingest, shares a path with one.
 */
export function responseAdminRoutes(app: Hono<AppEnv>, deps: ResponseAdminDeps) {
  const { authorize } = deps;

  /** A list query's sites and filters, or the 400 that says which parameter is wrong. */
  async function listScope(c: Context<PrincipalEnv>, query: ListQuery): Promise<{ siteIds: readonly string[]; filters: ResponseFilters } | Response> {
    const scope = await queryScope(c.get('principal'), query, deps);
    return scope.ok ? scope : problem(c, 400, 'invalid_query', scope.message, scope.issues);
  }

  app.get('/v1/responses', authorize('viewer'), async (c) => {
    const parsed = check(listQuerySchema, c.req.query());
    if (!parsed.ok) return problem(c, 400, 'invalid_query', 'the filters are not valid', parsed.issues);
    const scope = await listScope(c, parsed.value);
    if (scope instanceof Response) return scope;
    const { cursor, limit, sort } = parsed.value;
    try {
      const page = await deps.responses.listResponses(scope.siteIds, scope.filters, { limit: limit ?? 50, ...(cursor ? { cursor } : {}), ...(sort ? { sort } : {}) });
      return c.json(page);
    } catch (error) {
      if (error instanceof InvalidCursorError) return problem(c, 400, 'invalid_cursor', error.message, [{ path: 'cursor', message: error.message }]);
      throw error;
    }
  });

  // The list's size for the same filters (the inbox's "3 new", a saved view's count). Mounted
  // here, before `/v1/responses/:id` (follow-ups), so `count` is never read as an id.
  app.get('/v1/responses/count', authorize('viewer'), async (c) => {
    const parsed = check(listQuerySchema, c.req.query());
    if (!parsed.ok) return problem(c, 400, 'invalid_query', 'the filters are not valid', parsed.issues);
    const scope = await listScope(c, parsed.value);
    if (scope instanceof Response) return scope;
    return c.json({ count: await deps.responses.countResponses(scope.siteIds, scope.filters) });
  });

  /** The sites a stats query reads (the principal's, or the one `site=` names among them), or the 400 for another. */
  function statsSites(c: Context<PrincipalEnv>, site: string | undefined): readonly string[] | Response {
    const { siteIds } = c.get('principal');
    if (site === undefined) return siteIds;
    return siteIds.includes(site) ? [site] : problem(c, 400, 'invalid_query', 'the filters are not valid', [{ path: 'site', message: 'is not one of the sites this principal reads' }]);
  }

  app.get('/v1/stats', authorize('viewer'), async (c) => {
    const parsed = check(statsQuerySchema, c.req.query());
    if (!parsed.ok) return problem(c, 400, 'invalid_query', 'the filters are not valid', parsed.issues);
    const sites = statsSites(c, parsed.value.site);
    if (sites instanceof Response) return sites;
    return c.json(await deps.responses.stats(sites, statsFiltersFromQuery(parsed.value), parsed.value.interval ?? 'week'));
  });

  // What the inbox shows above its list on every visit: the daily counts only, never the drivers
  // or follow-up health that the whole stats read from the responses themselves.
  app.get('/v1/stats/summary', authorize('viewer'), async (c) => {
    const parsed = check(statsSummaryQuerySchema, c.req.query());
    if (!parsed.ok) return problem(c, 400, 'invalid_query', 'the filters are not valid', parsed.issues);
    const sites = statsSites(c, parsed.value.site);
    if (sites instanceof Response) return sites;
    return c.json(await deps.responses.summary(sites, statsFiltersFromQuery(parsed.value)));
  });

  app.get('/v1/responses.csv', authorize('viewer'), async (c) => {
    const parsed = check(listQuerySchema, c.req.query());
    if (!parsed.ok) return problem(c, 400, 'invalid_query', 'the filters are not valid', parsed.issues);
    const scope = await listScope(c, parsed.value);
    if (scope instanceof Response) return scope;
    // Who took the data out, with which filters (never the rows): SPEC §9's "every export".
    await deps.audit(c, 'responses.exported', undefined, { ...parsed.value });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="onepoint-responses.csv"');
    // Streamed a page at a time: an export of a million rows never sits in memory.
    return stream(c, async (out) => {
      await out.write(`\uFEFF${csvHeader()}`);
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof deps.responses.listResponses>> = await deps.responses.listResponses(scope.siteIds, scope.filters, { limit: 500, ...(cursor ? { cursor } : {}), ...(parsed.value.sort ? { sort: parsed.value.sort } : {}) });
        if (page.items.length) await out.write(page.items.map(csvRecord).join(''));
        cursor = page.nextCursor;
      } while (cursor && !out.aborted);
    });
  });
}
