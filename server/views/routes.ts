import type { Hono } from 'hono';
import { BUILT_IN_VIEWS, listQuerySchema, savedViewCreateSchema, savedViewRenameSchema, type SavedView } from '../../sdk/index.ts';
import type { Audit } from '../http/audit.ts';
import type { AppEnv } from '../http/context.ts';
import { nextTurnFor } from '../http/next-turn.ts';
import type { Authorize, Principal } from '../http/principal.ts';
import { problem } from '../http/problem.ts';
import { check, readJson } from '../http/validate.ts';
import { builtInViews } from './built-in.ts';
import type { SavedViewsStore } from './store.ts';

/** What the views routes need besides their store. */
export interface ViewRoutesDeps {
  views: SavedViewsStore;
  authorize: Authorize;
  audit: Audit;
  now: () => number;
  /** How many responses a list query holds for the principal (`null`: it means nothing for them); the responses resource answers it. */
  countQuery: (principal: Principal, query: Readonly<Record<string, string>>) => Promise<number | null>;
}

/** Paging is the list's, not the view's: a view opens at its first page. */
const NOT_IN_A_VIEW = new Set(['cursor', 'limit']);

/**
 * `GET /v1/views` (viewer: the built-in views and the team's, each with its count),
 * `POST /v1/views`, `PATCH /v1/views/:id` (its name) and `DELETE /v1/views/:id` (member: the team's own).
 */
export function viewRoutes(app: Hono<AppEnv>, deps: ViewRoutesDeps) {
  const { authorize } = deps;

  app.get('/v1/views', authorize('viewer'), async (c) => {
    const principal = c.get('principal');
    const views = [...builtInViews(deps.now()).map((view) => ({ ...view, builtIn: true })), ...(await deps.views.listViews(principal.teamId)).map((view) => ({ ...view, builtIn: false }))];
    const items: SavedView[] = [];
    for (const [index, view] of views.entries()) {
      if (index > 0) await nextTurnFor(c.req.raw.signal);
      items.push({ ...view, count: await deps.countQuery(principal, view.query) });
    }
    return c.json({ items });
  });

  app.post('/v1/views', authorize('member'), async (c) => {
    const body = await readJson(c);
    if (!body.ok) return problem(c, 400, 'invalid_json', 'the body is not valid JSON');
    const parsed = check(savedViewCreateSchema, body.value);
    if (!parsed.ok) return problem(c, 400, 'invalid_view', 'the view is not valid', parsed.issues);
    // The query is checked as the list checks it, so a saved view always opens a list.
    const paging = Object.keys(parsed.value.query).filter((name) => NOT_IN_A_VIEW.has(name));
    const query = check(listQuerySchema, parsed.value.query);
    const issues = [
      ...paging.map((name) => ({ path: `query.${name}`, message: 'is paging, not part of a view' })),
      ...(query.ok ? [] : query.issues.map((issue) => ({ ...issue, path: issue.path ? `query.${issue.path}` : 'query' }))),
    ];
    if (issues.length) return problem(c, 400, 'invalid_view', 'the view is not valid', issues);
    const principal = c.get('principal');
    const view = await deps.views.createView(principal.teamId, parsed.value, principal.userId);
    await deps.audit(c, 'view.created', { type: 'view', id: view.id }, { name: view.name });
    return c.json({ ...view, builtIn: false, count: await deps.countQuery(principal, view.query) }, 201);
  });

  app.patch('/v1/views/:id', authorize('member'), async (c) => {
    const id = c.req.param('id');
    if (BUILT_IN_VIEWS.some((builtIn) => builtIn === id)) return problem(c, 400, 'built_in_view', 'a built-in view keeps its name');
    const body = await readJson(c);
    if (!body.ok) return problem(c, 400, 'invalid_json', 'the body is not valid JSON');
    const parsed = check(savedViewRenameSchema, body.value);
    if (!parsed.ok) return problem(c, 400, 'invalid_view', 'the view is not valid', parsed.issues);
    const principal = c.get('principal');
    const view = await deps.views.renameView(principal.teamId, id, parsed.value.name);
    if (!view) return problem(c, 404, 'not_found', 'no view with this id in this team');
    await deps.audit(c, 'view.renamed', { type: 'view', id }, { name: view.name });
    return c.json({ ...view, builtIn: false, count: await deps.countQuery(principal, view.query) });
  });

  app.delete('/v1/views/:id', authorize('member'), async (c) => {
    const id = c.req.param('id');
    if (BUILT_IN_VIEWS.some((builtIn) => builtIn === id)) return problem(c, 400, 'built_in_view', 'a built-in view cannot be deleted');
    if (!(await deps.views.deleteView(c.get('principal').teamId, id))) return problem(c, 404, 'not_found', 'no view with this id in this team');
    await deps.audit(c, 'view.deleted', { type: 'view', id });
    return c.body(null, 204);
  });
}
