import type { Hono } from 'hono';
import { auditQuerySchema } from '../../sdk/index.ts';
import type { AppEnv } from '../http/context.ts';
import type { Authorize } from '../http/principal.ts';
import { problem } from '../http/problem.ts';
import { check } from '../http/validate.ts';
import { InvalidAuditCursorError } from './cursor.ts';
import type { AuditStore } from './store.ts';

/** `GET /v1/audit?action&cursor&limit` (admin): the team's audit log, newest first, a page at a time. */
export function auditRoutes(app: Hono<AppEnv>, deps: { auditLog: AuditStore; authorize: Authorize }) {
  app.get('/v1/audit', deps.authorize('admin'), async (c) => {
    const parsed = check(auditQuerySchema, c.req.query());
    if (!parsed.ok) return problem(c, 400, 'invalid_query', 'the audit filters are not valid', parsed.issues);
    const { action, cursor, limit } = parsed.value;
    try {
      return c.json(await deps.auditLog.listAudit(c.get('principal').teamId, { limit: limit ?? 50, ...(action ? { action } : {}), ...(cursor !== undefined ? { cursor } : {}) }));
    } catch (error) {
      if (error instanceof InvalidAuditCursorError) return problem(c, 400, 'invalid_cursor', error.message, [{ path: 'cursor', message: error.message }]);
      throw error;
    }
  });
}
