import type { Context, Hono } from 'hono';
import { stream } from 'hono/streaming';
import { listQuerySchema, statsQuerySchema, type ListQuery } from '../../sdk/index.ts';
import type { Audit } from '../http/audit.ts';
import type { AppEnv, HttpDeps } from '../http/context.ts';
import type { Authorize, Principal, PrincipalEnv } from '../http/principal.ts';
import { problem } from '../http/problem.ts';
import { check } from '../http/validate.ts';
import { csvHeader, csvRecord } from './csv.ts';
import { InvalidCursorError } from './cursor.ts';
import { filtersFromQuery } from './filters.ts';
import { statsFiltersFromQuery } from './stats-filters.ts';
import { ownerMatch } from './owner-match.ts';
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
 * The sites a request reads: the principal's, or the one `site=` names among them. A site outside
 * them is an issue, the same for one of another team as for none at all.
 */
function sitesOf(principal: Principal, site: string | undefined): { ok: true; siteIds: readonly string[] } | { ok: false; message: string } {
  if (site === undefined) return { ok: true, siteIds: principal.siteIds };
  return principal.siteIds.includes(site) ? { ok: true, siteIds: [site] } : { ok: false, message: 'is not one of the sites this principal reads' };
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
    const principal = c.get('principal');
    const sites = sitesOf(principal, query.site);
    if (!sites.ok) return problem(c, 400, 'invalid_query', 'the filters are not valid', [{ path: 'site', message: sites.message }]);
    const owner = await ownerMatch(query.owner, principal, deps.isMember);
    if (!owner.ok) return problem(c, 400, 'invalid_query', owner.issue.message, [owner.issue]);
    return { siteIds: sites.siteIds, filters: filtersFromQuery(query, deps.now(), owner.match) };
  }

  app.get('/v1/responses', authorize('viewer'), async (c) => {
    const parsed = check(listQuerySchema, c.req.query());
    if (!parsed.ok) return problem(c, 400, 'invalid_query', 'the filters are not valid', parsed.issues);
    const scope = await listScope(c, parsed.value);
    if (scope instanceof Response) return scope;
    const { cursor, limit } = parsed.value;
    try {
      const page = await deps.responses.listResponses(scope.siteIds, scope.filters, { limit: limit ?? 50, ...(cursor ? { cursor } : {}) });
      return c.json(page);
    } catch (error) {
      if (error instanceof InvalidCursorError) return problem(c, 400, 'invalid_cursor', error.message, [{ path: 'cursor', message: error.message }]);
      throw error;
    }
  });

  app.get('/v1/stats', authorize('viewer'), async (c) => {
    const parsed = check(statsQuerySchema, c.req.query());
    if (!parsed.ok) return problem(c, 400, 'invalid_query', 'the filters are not valid', parsed.issues);
    const sites = sitesOf(c.get('principal'), parsed.value.site);
    if (!sites.ok) return problem(c, 400, 'invalid_query', 'the filters are not valid', [{ path: 'site', message: sites.message }]);
    return c.json(await deps.responses.stats(sites.siteIds, statsFiltersFromQuery(parsed.value), parsed.value.interval ?? 'week'));
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
        const page: Awaited<ReturnType<typeof deps.responses.listResponses>> = await deps.responses.listResponses(scope.siteIds, scope.filters, { limit: 500, ...(cursor ? { cursor } : {}) });
        if (page.items.length) await out.write(page.items.map(csvRecord).join(''));
        cursor = page.nextCursor;
      } while (cursor && !out.aborted);
    });
  });
}
