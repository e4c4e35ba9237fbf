import type { FieldIssue } from '../../sdk/index.ts';
import type { ResponseFilters } from './response-filters.ts';

/** What `owner=` of a list query matches once the principal is known (SPEC §10). */
export type OwnerMatch = Pick<ResponseFilters, 'owner' | 'ownerId'>;

/** Who asks, as `owner=` needs it: their team (whose members may be named) and their own user id. */
export interface OwnerAsker {
  teamId: string;
  /** `null` for tokens and site keys: they have no `me`. */
  userId: string | null;
}

/**
 * `owner=` → the store's filter: `none` is unassigned (no member, no label); `me` is the signed-in
 * member (a 400 issue for a token, which is nobody); a member's user id of the asker's team is that
 * member; anything else is a v1 label (an owner's name).
 * @example await ownerMatch('me', { teamId: 't', userId: 'u1' }, isMember) // { ok: true, match: { ownerId: 'u1' } }
 */
export async function ownerMatch(
  owner: string | undefined,
  asker: OwnerAsker,
  isMember: (teamId: string, userId: string) => Promise<boolean>,
): Promise<{ ok: true; match: OwnerMatch } | { ok: false; issue: FieldIssue }> {
  if (owner === undefined) return { ok: true, match: {} };
  if (owner === 'none') return { ok: true, match: { owner: null } };
  if (owner === 'me') {
    if (asker.userId === null) return { ok: false, issue: { path: 'owner', message: 'owner=me needs a signed-in member' } };
    return { ok: true, match: { ownerId: asker.userId } };
  }
  return { ok: true, match: (await isMember(asker.teamId, owner)) ? { ownerId: owner } : { owner } };
}
