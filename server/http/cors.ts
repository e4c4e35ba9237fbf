import type { Context } from 'hono';
/** What an origin check needs of a site. */
export type OriginSite = { origins: readonly string[] };
type Site = OriginSite;

/** Whether a browser page at `origin` may talk to this site's public endpoints. Exact match only. */
export function originAllowed(site: Site, origin: string | undefined): boolean {
  // No Origin: not a browser page (a server, a CLI, the developer's backend). The site key still applies.
  return origin === undefined || site.origins.includes(origin);
}

/** Echoes an allowed origin; never `*`, since the allow-list is per site. */
export function allowOrigin(c: Context, origin: string | undefined): void {
  c.header('Vary', 'Origin', { append: true });
  if (origin) c.header('Access-Control-Allow-Origin', origin);
}

/**
 * Answers a CORS preflight. A preflight carries no body and so no site key: it is granted to an
 * origin that some site lists, and the request itself is then checked against its own site.
 */
export async function preflight(c: Context, knownOrigin: (origin: string) => Promise<boolean>) {
  const origin = c.req.header('origin');
  c.header('Vary', 'Origin', { append: true });
  if (!origin || !(await knownOrigin(origin))) return c.body(null, 403);
  c.header('Access-Control-Allow-Origin', origin);
  c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  c.header('Access-Control-Allow-Headers', 'content-type');
  c.header('Access-Control-Max-Age', '600');
  return c.body(null, 204);
}
