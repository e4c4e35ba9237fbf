import type { Hono, MiddlewareHandler } from 'hono';
import { stream } from 'hono/streaming';
import { listQuerySchema, statsQuerySchema } from '../../sdk/index.ts';
import type { HttpDeps } from '../http/context.ts';
import { problem } from '../http/problem.ts';
import { check } from '../http/validate.ts';
import type { AdminEnv } from '../sites/index.ts';
import { csvHeader, csvRecord } from './csv.ts';
import { InvalidCursorError } from './cursor.ts';
import { filtersFromQuery, statsFiltersFromQuery } from './filters.ts';
import type { ResponsesStore } from './store.ts';

/**
 * The admin API of responses: the list with every SPEC §10 filter, its CSV, the stats. Each route
 * takes `requireSecret` itself: `POST /v1/responses`, the public ingest, shares a path with one.
 */
export function responseAdminRoutes(admin: Hono<AdminEnv>, deps: Pick<HttpDeps, 'now'> & { responses: ResponsesStore; requireSecret: MiddlewareHandler<AdminEnv> }) {
  const { requireSecret } = deps;

  admin.get('/v1/responses', requireSecret, async (c) => {
    const parsed = check(listQuerySchema, c.req.query());
    if (!parsed.ok) return problem(c, 400, 'invalid_query', 'the filters are not valid', parsed.issues);
    const { cursor, limit } = parsed.value;
    try {
      const page = await deps.responses.listResponses(c.get('site').id, filtersFromQuery(parsed.value, deps.now()), { limit: limit ?? 50, ...(cursor ? { cursor } : {}) });
      return c.json(page);
    } catch (error) {
      if (error instanceof InvalidCursorError) return problem(c, 400, 'invalid_cursor', error.message, [{ path: 'cursor', message: error.message }]);
      throw error;
    }
  });

  admin.get('/v1/stats', requireSecret, async (c) => {
    const parsed = check(statsQuerySchema, c.req.query());
    if (!parsed.ok) return problem(c, 400, 'invalid_query', 'the filters are not valid', parsed.issues);
    return c.json(await deps.responses.stats(c.get('site').id, statsFiltersFromQuery(parsed.value), parsed.value.interval ?? 'week'));
  });

  admin.get('/v1/responses.csv', requireSecret, async (c) => {
    const parsed = check(listQuerySchema, c.req.query());
    if (!parsed.ok) return problem(c, 400, 'invalid_query', 'the filters are not valid', parsed.issues);
    const siteId = c.get('site').id;
    const filters = filtersFromQuery(parsed.value, deps.now());
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="onepoint-responses.csv"');
    // Streamed a page at a time: an export of a million rows never sits in memory.
    return stream(c, async (out) => {
      await out.write(`\uFEFF${csvHeader()}`);
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof deps.responses.listResponses>> = await deps.responses.listResponses(siteId, filters, { limit: 500, ...(cursor ? { cursor } : {}) });
        if (page.items.length) await out.write(page.items.map(csvRecord).join(''));
        cursor = page.nextCursor;
      } while (cursor && !out.aborted);
    });
  });
}
