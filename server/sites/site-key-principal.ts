import type { Principal } from '../http/principal.ts';
import type { Site } from './site.ts';

/** What a v1 site secret key may do: follow up on its own site's responses, as a member would (SPEC §9). */
export const SITE_KEY_ROLE = 'member';

/** The principal a v1 site secret key acts as: its team, a member's role, its own site only. */
export function siteKeyPrincipal(site: Site): Principal {
  return { teamId: site.teamId, role: SITE_KEY_ROLE, siteIds: [site.id], actor: { type: 'site-key', id: site.id, name: site.name }, userId: null, via: 'site-key' };
}
