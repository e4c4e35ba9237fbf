import * as z from 'zod/mini';
import { isoDateTime } from './formats.ts';
import { text } from './text.ts';

/**
 * Whether `value` is an exact origin (`scheme://host[:port]`, http or https, nothing after): what
 * a browser sends as `Origin`, so what a site's allow-list can match. The CLI's `sites add` holds
 * `--origin` to the same rule.
 * @example isOrigin('https://shop.example') // true; 'https://shop.example/' is false
 */
export function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

/** At most this many origins per site: an allow-list, not a crawl. */
export const MAX_SITE_ORIGINS = 50;

const originSchema = z.string().check(
  z.maxLength(300),
  z.refine(isOrigin, { message: 'must be an origin: scheme://host[:port], nothing after (no path, no trailing slash)' }),
);
const originsSchema = z.array(originSchema).check(
  z.minLength(1, { message: 'needs at least one origin' }),
  z.maxLength(MAX_SITE_ORIGINS),
  z.refine((origins) => new Set(origins).size === origins.length, { message: 'lists an origin twice' }),
);

/** A site of the team (`GET /v1/sites`): its public key for the script tag, never its secret. */
export const siteViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** `pk_…`: the script tag's `data-site-key`. */
  publicKey: z.string(),
  /** Exact origins whose pages may post responses. */
  origins: z.array(z.string()),
  createdAt: isoDateTime(),
});
export type SiteView = z.output<typeof siteViewSchema>;
export const siteListSchema = z.object({ items: z.array(siteViewSchema) });

/** `POST /v1/sites` (admin): a new site of the principal's team. */
export const siteCreateSchema = z.strictObject({ name: text(200, 1), origins: originsSchema });
export type SiteCreate = z.output<typeof siteCreateSchema>;
/** The answer: the site, and its secret key (`sk_…`, the v1 admin key), shown this once; only its hash is stored. */
export const siteCreatedSchema = z.object({ site: siteViewSchema, secretKey: z.string() });
export type SiteCreated = z.output<typeof siteCreatedSchema>;

/** `PATCH /v1/sites/:id` (admin): rename it or replace its origins. */
export const siteChangeSchema = z
  .strictObject({ name: z.optional(text(200, 1)), origins: z.optional(originsSchema) })
  .check(z.refine((body) => body.name !== undefined || body.origins !== undefined, { message: 'needs name or origins' }));
export type SiteChange = z.output<typeof siteChangeSchema>;
