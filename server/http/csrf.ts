import type { Context } from 'hono';
import { problem } from './problem.ts';

/** The header the team app sends with every change: a page on another origin cannot send it without a CORS preflight we never grant. */
export const CSRF_HEADER = 'x-onepoint-csrf';

/**
 * OWASP's two defences for a cookie-authenticated change, both required: the `Origin` is one of
 * the collector's own (a browser always sends it on a cross-site POST, and a page cannot forge
 * it), and the request carries {@link CSRF_HEADER} (a custom header forces a preflight). With
 * SameSite=Lax cookies this is defence in depth. Answers the 403 to send, or `undefined`.
 */
export function csrfRefusal(c: Context, trusted: readonly string[]): Response | undefined {
  const origin = c.req.header('origin');
  if (!origin || !trusted.includes(origin)) return problem(c, 403, 'csrf', 'this change must come from the team app on the collector’s own origin');
  if (c.req.header(CSRF_HEADER) !== '1') return problem(c, 403, 'csrf', `send the header ${CSRF_HEADER}: 1 with every change made by session cookie`);
  return undefined;
}
