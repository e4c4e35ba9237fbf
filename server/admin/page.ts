import type { Hono } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppEnv } from '../http/context.ts';
import { problem } from '../http/problem.ts';

const styles = readFileSync(resolve(import.meta.dirname, 'admin.css'), 'utf8');

// The page's script is built (`npm run build`: app/legacy/team-page.ts, on the SDK's admin
// client). The installed collector keeps it next to its own code; a checkout finds it in dist/.
const SCRIPT_AT = [resolve(import.meta.dirname, 'admin.js'), resolve(import.meta.dirname, '../../dist/app/team-page.js')];
let script: string | undefined;
const builtScript = () => (script ??= SCRIPT_AT.filter((path) => existsSync(path)).map((path) => readFileSync(path, 'utf8'))[0]);

/** The same mark as the demo's, inline: one file fewer to ship next to the collector. */
const favicon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#4338ca"/><text x="16" y="22" font-family="system-ui, sans-serif" font-size="16" font-weight="700" text-anchor="middle" fill="#fff">+1</text></svg>';

const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>onepoint — responses</title><link rel="icon" href="/admin/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/admin/admin.css"><script type="module" src="/admin/admin.js"></script></head>
<body>
<header><strong>onepoint</strong> responses</header>
<main>
  <form id="key-form" hidden><label for="key">Secret key (sk_…)</label> <input id="key" name="key" autocomplete="off" required> <button>Open</button></form>
  <section id="filters" aria-label="Filters" hidden><label><input type="checkbox" id="include-test"> Show test responses</label>
    <p id="test-note" class="note">Answers sent in test mode (the demo’s playground and test page, or a tag with <code>data-test="true"</code>) are left out of these numbers and this list unless you tick this.</p></section>
  <section id="summary" aria-label="Summary"></section>
  <section aria-labelledby="latest-title"><h2 id="latest-title">Latest responses</h2><table id="latest"><thead><tr><th scope="col">When</th><th scope="col">Score</th><th scope="col">Segment</th><th scope="col">Comment</th><th scope="col">Follow-up</th></tr></thead><tbody></tbody></table></section>
  <p id="status" role="status"></p>
</main>
</body>
</html>`;

/** The team's view of its responses: NPS, segment counts and the latest answers. Signed in by the secret key. */
export function adminPages(app: Hono<AppEnv>) {
  const policy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'";
  app.get('/admin', (c) => c.html(html, 200, { 'Content-Security-Policy': policy, 'Referrer-Policy': 'no-referrer' }));
  app.get('/admin/admin.js', (c) => {
    const built = builtScript();
    if (built === undefined) return problem(c, 503, 'not_built', 'the team page’s script is not built: run npm run build');
    return c.body(built, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
  app.get('/admin/favicon.svg', (c) => c.body(favicon, 200, { 'Content-Type': 'image/svg+xml' }));
  app.get('/admin/admin.css', (c) => c.body(styles, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
}
