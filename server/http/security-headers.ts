import { createMiddleware } from 'hono/factory';

/**
 * The policy of every page the collector serves: its own scripts and styles only (no inline
 * script), no framing (clickjacking), no plugins, forms posting back to it alone.
 */
export const PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Headers for every `text/html` answer, whatever route made it: `Content-Security-Policy`
 * ({@link PAGE_POLICY}, unless the route set a policy of its own, which then still gets
 * `frame-ancestors 'none'`), `X-Content-Type-Options: nosniff` and `Referrer-Policy: no-referrer`
 * (a page's URL may carry a key in its fragment or a token in its query).
 */
export const securityHeaders = createMiddleware(async (c, next) => {
  await next();
  if (!/^text\/html\b/i.test(c.res.headers.get('content-type') ?? '')) return;
  const headers = c.res.headers;
  const own = headers.get('content-security-policy');
  if (!own) headers.set('Content-Security-Policy', PAGE_POLICY);
  else if (!/(^|;)\s*frame-ancestors\b/i.test(own)) headers.set('Content-Security-Policy', `${own.replace(/;\s*$/, '')}; frame-ancestors 'none'`);
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'no-referrer');
});
