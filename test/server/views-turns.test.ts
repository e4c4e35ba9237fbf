import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../server/http/context.ts';
import { ClientAbortedError } from '../../server/http/client-aborted-error.ts';
import { viewRoutes, type ViewRoutesDeps } from '../../server/views/routes.ts';
import type { SavedViewsStore } from '../../server/views/store.ts';
import { fixedPrincipal, memberPrincipal } from '../helpers/fixed-principal.ts';

/** The views routes alone, for a viewer, with no team views: only the built-in ones are counted, by `countQuery`. */
function viewsApp(countQuery: ViewRoutesDeps['countQuery']): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const views: SavedViewsStore = { listViews: async () => [], createView: () => Promise.reject(new Error('not here')), renameView: async () => undefined, deleteView: async () => false };
  viewRoutes(app, { views, authorize: fixedPrincipal(() => memberPrincipal('team-1', 'viewer')), audit: async () => undefined, now: () => Date.UTC(2026, 11, 1), countQuery });
  return app;
}

// On SQLite a count holds the process while it runs. The views' counts leave a turn of the event
// loop between them, so a request that arrived during one (here: a macrotask queued by the first
// count) is answered before the next count, not after all of them.
describe('GET /v1/views between its counts', () => {
  it('lets what arrived during a count run before the next one', async () => {
    const order: string[] = [];
    const app = viewsApp(async (_principal, query) => {
      if (order.length === 0) setImmediate(() => order.push('another request'));
      order.push(`count ${Object.keys(query).join('+')}`);
      return 0;
    });
    const answer = await app.request('/v1/views');
    expect(answer.status).toBe(200);
    expect(order).toEqual(['count segment+followUpStatus', 'another request', 'count segment+from', 'count owner+open', 'count overdue']);
  });

  it('stops counting for a client that has gone: no count after its request aborted', async () => {
    const counted: string[] = [];
    const gone = new AbortController();
    const app = viewsApp(async (_principal, query) => {
      counted.push(Object.keys(query).join('+'));
      gone.abort(); // the page went away during the first count
      return 0;
    });
    let thrown: unknown;
    app.onError((error, c) => ((thrown = error), c.body(null, 400)));
    await app.request('/v1/views', { signal: gone.signal });
    expect(counted).toEqual(['segment+followUpStatus']);
    expect(thrown).toBeInstanceOf(ClientAbortedError);
  });
});
