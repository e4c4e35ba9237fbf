import { listQuerySchema, type FieldIssue, type ListQuery } from '../../sdk/index.ts';
import type { Principal } from '../http/principal.ts';
import { check } from '../http/validate.ts';
import { filtersFromQuery } from './filters.ts';
import { ownerMatch } from './owner-match.ts';
import type { ResponseFilters } from './response-filters.ts';
import type { ResponseList } from './list.ts';

/** What turning a list query into the store's terms needs: membership (`owner=` by id) and the time (`overdue`). */
export interface QueryScopeDeps {
  isMember: (teamId: string, userId: string) => Promise<boolean>;
  now: () => number;
}

/**
 * The sites a request reads: the principal's, or the one `site=` names among them. A site outside
 * them is an issue, the same for one of another team as for none at all.
 */
function sitesOf(principal: Principal, site: string | undefined): { ok: true; siteIds: readonly string[] } | { ok: false; issue: FieldIssue } {
  if (site === undefined) return { ok: true, siteIds: principal.siteIds };
  return principal.siteIds.includes(site) ? { ok: true, siteIds: [site] } : { ok: false, issue: { path: 'site', message: 'is not one of the sites this principal reads' } };
}

/** A parsed list query's sites and filters for `principal`, or the issue that says which parameter is wrong. */
export async function queryScope(
  principal: Principal,
  query: ListQuery,
  deps: QueryScopeDeps,
): Promise<{ ok: true; siteIds: readonly string[]; filters: ResponseFilters } | { ok: false; message: string; issues: FieldIssue[] }> {
  const sites = sitesOf(principal, query.site);
  if (!sites.ok) return { ok: false, message: 'the filters are not valid', issues: [sites.issue] };
  const owner = await ownerMatch(query.owner, principal, deps.isMember);
  if (!owner.ok) return { ok: false, message: owner.issue.message, issues: [owner.issue] };
  return { ok: true, siteIds: sites.siteIds, filters: filtersFromQuery(query, deps.now(), owner.match) };
}

/**
 * Counts a list query given as its query-string parameters (a saved view's), for `principal`:
 * what other resources ask of responses instead of reading its tables. `null` when the query
 * means nothing for this principal (`owner=me` for a token) or no longer parses.
 */
export function queryCounter(list: Pick<ResponseList, 'countResponses'>, deps: QueryScopeDeps) {
  return async (principal: Principal, params: Readonly<Record<string, string>>): Promise<number | null> => {
    const parsed = check(listQuerySchema, params);
    if (!parsed.ok) return null;
    const scope = await queryScope(principal, parsed.value, deps);
    return scope.ok ? list.countResponses(scope.siteIds, scope.filters) : null;
  };
}
