import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** What several pages share: the navigation, and the shop page's body (shown with the tag, a strict CSP, a hostile host…). */
const PARTIALS = {
  nav: readFileSync(join(root, 'demo', 'partials', 'nav.html'), 'utf8').trim(),
  shop: readFileSync(join(root, 'demo', 'partials', 'shop.html'), 'utf8').trim(),
};

/** Pages that are another page under another policy: the very shop page, under a strict CSP. */
const ALIASES: Record<string, string> = { 'csp.html': 'website.html', 'favicon.ico': 'favicon.svg' };

/** Content-Security-Policy per page: the strict pages prove the widget needs no exceptions. */
const POLICIES: Record<string, (nonce: string) => string> = {
  'csp.html': () => "default-src 'self'; script-src 'self'; style-src 'self'; connect-src *; img-src 'self'; require-trusted-types-for 'script'",
  'returning.html': () => "default-src 'self'; script-src 'self'; style-src 'self'; connect-src *; img-src 'self'; require-trusted-types-for 'script'",
  'csp-nonce.html': (nonce) => `default-src 'self'; script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'self'; connect-src *; require-trusted-types-for 'script'`,
};

export interface DemoOptions {
  collectorUrl: string;
  siteKey: string;
  port?: number;
  host?: string;
}

/**
 * The demo site: its own origin, serving the pages of demo/pages (with the shared partials, the
 * collector URL and site key filled in), the built widget under /dist and the demo scripts under /assets.
 */
export async function startDemo(options: DemoOptions): Promise<{ url: string; close(): Promise<void> }> {
  const fill = (html: string, nonce: string) =>
    html
      .replaceAll('{{NAV}}', PARTIALS.nav)
      .replaceAll('{{SHOP}}', PARTIALS.shop)
      .replaceAll('{{COLLECTOR}}', options.collectorUrl)
      .replaceAll('{{SITE_KEY}}', options.siteKey)
      .replaceAll('{{NONCE}}', nonce);

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://demo');
    let path = decodeURIComponent(url.pathname);
    if (path === '/') path = '/index.html';
    const page = ALIASES[path.slice(1)];
    const file = path.startsWith('/dist/') ? join(root, normalize(path)) : path.startsWith('/assets/') ? join(root, 'dist', 'demo', normalize(path.slice('/assets/'.length))) : join(root, 'demo', 'pages', page ?? normalize(path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return notFound(response);
    const name = path.slice(1);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store' };
    if (type.startsWith('text/html')) {
      const nonce = randomBytes(12).toString('base64');
      const policy = POLICIES[name];
      if (policy) headers['content-security-policy'] = policy(nonce);
      response.writeHead(200, headers);
      response.end(fill(readFileSync(file, 'utf8'), nonce));
      return;
    }
    // The widget's chunks are fetched by import() from pages on other origins too, as from a CDN.
    headers['access-control-allow-origin'] = '*';
    response.writeHead(200, headers);
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(options.port ?? 5173, options.host ?? '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function notFound(response: ServerResponse) {
  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('not found');
}
