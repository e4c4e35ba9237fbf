import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import { siteChangeSchema, siteCreateSchema, type SiteView } from '../../sdk/index.ts';
import type { Audit } from '../http/audit.ts';
import type { AppEnv } from '../http/context.ts';
import type { Authorize } from '../http/principal.ts';
import { problem } from '../http/problem.ts';
import { check, readJson } from '../http/validate.ts';
import type { Site } from './site.ts';
import type { SitesStore } from './store.ts';

export interface SiteRouteDeps {
  sites: Pick<SitesStore, 'teamSites' | 'createSite' | 'updateSite'>;
  authorize: Authorize;
  audit: Audit;
  /** A site was made or its origins changed here: the CORS preflight's list of known origins reads them afresh. */
  originsChanged: () => void;
}

/** What the team sees of a site: never its secret's hash, nor the team's SLA (that is `/v1/team`'s). */
export function siteView(site: Site): SiteView {
  return { id: site.id, name: site.name, publicKey: site.publicKey, origins: site.origins, createdAt: new Date(site.createdAt).toISOString() };
}

/**
 * `GET /v1/sites` (viewer), `POST /v1/sites` and `PATCH /v1/sites/:id` (admin): the team's sites,
 * a new one (its secret key in this answer only), a new name or allow-list. Both changes are in the
 * audit log; another team's site is a 404.
 */
export function siteRoutes(app: Hono<AppEnv>, deps: SiteRouteDeps) {
  const { sites, authorize, audit } = deps;

  app.get('/v1/sites', authorize('viewer'), async (c) => {
    const { teamId, siteIds } = c.get('principal');
    // A v1 site key reads its own site only; members and API tokens read all of the team's.
    const mine = (await sites.teamSites(teamId)).filter((site) => siteIds.includes(site.id));
    return c.json({ items: mine.map(siteView) });
  });

  app.post('/v1/sites', authorize('admin'), async (c) => {
    const parsed = await body(c, siteCreateSchema);
    if (!parsed.ok) return parsed.answer;
    const { name, origins } = parsed.value;
    const { site, secretKey } = await sites.createSite({ name, origins, teamId: c.get('principal').teamId });
    deps.originsChanged();
    await audit(c, 'site.created', { type: 'site', id: site.id }, { name, origins });
    return c.json({ site: siteView(site), secretKey }, 201);
  });

  app.patch('/v1/sites/:id', authorize('admin'), async (c) => {
    const parsed = await body(c, siteChangeSchema);
    if (!parsed.ok) return parsed.answer;
    const changed = await sites.updateSite(c.get('principal').teamId, c.req.param('id'), parsed.value);
    if (!changed) return problem(c, 404, 'not_found', 'no site with this id in this team');
    const { before, after } = changed;
    if (parsed.value.origins) deps.originsChanged();
    // What changed, from and to; an unchanged field is left out (and an unchanged site not logged).
    const detail: Record<string, unknown> = {};
    if (before.name !== after.name) detail.name = { from: before.name, to: after.name };
    if (JSON.stringify(before.origins) !== JSON.stringify(after.origins)) detail.origins = { from: before.origins, to: after.origins };
    if (Object.keys(detail).length > 0) await audit(c, 'site.changed', { type: 'site', id: after.id }, detail);
    return c.json(siteView(after));
  });
}

type Parsed<T> = { ok: true; value: T } | { ok: false; answer: Response };

async function body<S extends z.ZodMiniType>(c: Context, schema: S): Promise<Parsed<z.output<S>>> {
  const json = await readJson(c);
  if (!json.ok) return { ok: false, answer: json.reason === 'media-type' ? problem(c, 415, 'unsupported_media_type', 'send the body as application/json') : problem(c, 400, 'invalid_json', 'the body is not valid JSON') };
  const parsed = check(schema, json.value);
  if (!parsed.ok) return { ok: false, answer: problem(c, 400, 'invalid_site', 'the site is not valid', parsed.issues) };
  return { ok: true, value: parsed.value };
}
