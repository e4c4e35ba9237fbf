import type { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { followUpChangeSchema, listQuerySchema, statsQuerySchema } from '../../sdk/index.ts';
import { InvalidCursorError } from '../db/sql-store.ts';
import { requireSecretKey, type AdminEnv } from './admin-auth.ts';
import type { AppDeps, AppEnv } from './app.ts';
import { filtersFromQuery, statsFiltersFromQuery } from './admin-filters.ts';
import { csvHeader, csvRecord } from './csv.ts';
import { problem } from './problem.ts';
import { check, readJson } from './validate.ts';

/** The admin API: `Authorization: Bearer sk_…`, every answer scoped to that key's site. */
export function adminRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const admin = app as unknown as Hono<AdminEnv>;

  // On each admin route itself: POST /v1/responses, the public ingest, shares a path with one.
  const requireSecret = requireSecretKey(deps);

  admin.get('/v1/responses', requireSecret, async (c) => {
    const parsed = check(listQuerySchema, c.req.query());
    if (!parsed.ok) return problem(c, 400, 'invalid_query', 'the filters are not valid', parsed.issues);
    const { cursor, limit } = parsed.value;
    try {
      const page = await deps.store.listResponses(c.get('site').id, filtersFromQuery(parsed.value, deps.now()), { limit: limit ?? 50, ...(cursor ? { cursor } : {}) });
      return c.json(page);
    } catch (error) {
      if (error instanceof InvalidCursorError) return problem(c, 400, 'invalid_cursor', error.message, [{ path: 'cursor', message: error.message }]);
      throw error;
    }
  });

  admin.get('/v1/stats', requireSecret, async (c) => {
    const parsed = check(statsQuerySchema, c.req.query());
    if (!parsed.ok) return problem(c, 400, 'invalid_query', 'the filters are not valid', parsed.issues);
    return c.json(await deps.store.stats(c.get('site').id, statsFiltersFromQuery(parsed.value), parsed.value.interval ?? 'week'));
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
        const page: Awaited<ReturnType<typeof deps.store.listResponses>> = await deps.store.listResponses(siteId, filters, { limit: 500, ...(cursor ? { cursor } : {}) });
        if (page.items.length) await out.write(page.items.map(csvRecord).join(''));
        cursor = page.nextCursor;
      } while (cursor && !out.aborted);
    });
  });

  admin.get('/v1/responses/:id', requireSecret, async (c) => {
    const detail = await deps.store.getResponse(c.get('site').id, c.req.param('id'));
    if (!detail) return problem(c, 404, 'not_found', 'no response with this id on this site');
    return c.json(detail);
  });

  admin.patch('/v1/responses/:id/follow-up', requireSecret, async (c) => {
    const body = await readJson(c);
    if (!body.ok) return problem(c, 400, 'invalid_json', 'the body is not valid JSON');
    const parsed = check(followUpChangeSchema, body.value);
    if (!parsed.ok) return problem(c, 400, 'invalid_follow_up', 'the follow-up change is not valid', parsed.issues);
    const updated = await deps.store.updateFollowUp(c.get('site').id, c.req.param('id'), parsed.value);
    if (!updated) return problem(c, 404, 'not_found', 'no response with this id on this site');
    return c.json(updated);
  });
}
