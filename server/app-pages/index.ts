import type { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { problem } from '../http/problem.ts';
import { APP_DIRS, builtApp } from './built-app.ts';
import { firstPagePreload } from './first-page-preload.ts';

/** Every path the app answers with its page: it reads the path itself (History API) and shows that screen. */
export const APP_PATHS = ['/', '/sign-in', '/inbox', '/response', '/dashboard', '/members', '/tokens', '/audit', '/privacy', '/settings', '/webhooks', '/outbox', '/notifications', '/changes', '/invite', '/reset-password'] as const;

/**
 * The policy the app runs under: its own scripts and styles only, no inline anything, talking
 * only to this collector. `no-referrer` keeps an invitation's or reset link's token from leaving
 * in a Referer header.
 */
export const APP_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'";

const NOT_BUILT = 'the team app is not built: run npm run build';

/**
 * The team's app (SPEC §9): its page at `/` and each screen's path, its hashed files under
 * `/app/assets/`; `/admin` (the interim page) points to `/`. `dirs`: where to look for the build
 * (tests). @default APP_DIRS
 */
export function appPages(app: Hono<AppEnv>, options: { dirs?: readonly string[] } = {}) {
  const built = builtApp(options.dirs ?? APP_DIRS);
  for (const path of APP_PATHS) {
    app.get(path, async (c) => {
      const page = await built.page();
      if (page === undefined) return problem(c, 503, 'not_built', NOT_BUILT);
      const preload = firstPagePreload(c.req.path, c.req.query());
      const html = preload ? page.replace('</head>', `    ${preload}\n  </head>`) : page;
      // The page names the current hashed files: always asked again (they are cached for good).
      return c.html(html, 200, { 'Content-Security-Policy': APP_POLICY, 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-cache' });
    });
  }
  app.get('/app/assets/:name', async (c) => {
    const asset = await built.asset(c.req.param('name'));
    if (asset === 'not-built') return problem(c, 503, 'not_built', NOT_BUILT);
    if (asset === 'missing') return problem(c, 404, 'not_found', `no app file ${c.req.path}`);
    // Hashed names change with their content: a year, immutable.
    return c.body(asset.body, 200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=31536000, immutable' });
  });
  app.get('/admin', (c) => c.redirect('/', 301));
}
