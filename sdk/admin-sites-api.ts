import * as z from 'zod/mini';
import { siteChangeSchema, siteCreatedSchema, siteCreateSchema, siteListSchema, siteViewSchema, type SiteChange, type SiteCreate, type SiteCreated, type SiteView } from './schemas/admin-sites.ts';
import type { TeamTransport } from './admin-team-api.ts';
import { parseOrThrow } from './validate.ts';

/** The team's sites: what the script tag needs (the public key) and which origins may post. */
export interface AdminSitesApi {
  /** The team's sites, oldest first (viewer); never a secret. */
  sites(): Promise<SiteView[]>;
  /** (admin) A new site of the team, and its secret key (`sk_…`), which is never shown again. */
  createSite(site: SiteCreate): Promise<SiteCreated>;
  /** (admin) Renames a site or replaces its origins; `HttpError` 404 for a site of another team. */
  updateSite(id: string, change: SiteChange): Promise<SiteView>;
}

const idSchema = z.string().check(z.minLength(1, { message: 'must not be empty' }), z.maxLength(200));

/** The site methods of the admin client, on its transport. */
export function sitesApi({ endpoint, json }: Pick<TeamTransport, 'endpoint' | 'json'>): AdminSitesApi {
  return {
    sites: async () => (await json(`${endpoint}/v1/sites`, siteListSchema)).items,
    createSite: async (site) => json(`${endpoint}/v1/sites`, siteCreatedSchema, { method: 'post', json: parseOrThrow(siteCreateSchema, site, 'site') }),
    async updateSite(id, change) {
      const url = `${endpoint}/v1/sites/${encodeURIComponent(parseOrThrow(idSchema, id, 'site id'))}`;
      return json(url, siteViewSchema, { method: 'patch', json: parseOrThrow(siteChangeSchema, change, 'site change') });
    },
  };
}
