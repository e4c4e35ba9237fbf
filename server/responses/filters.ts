import type { ListQuery } from '../../sdk/index.ts';
import type { OwnerMatch } from './owner-match.ts';
import type { ResponseFilters } from './response-filters.ts';

/**
 * The store's filters for a parsed list query (SPEC §10): dates to epoch ms, `q` to a text match,
 * `overdue=true` to "overdue at `now`". `owner=` needs the principal to mean anything (`me`, a
 * member of their team): `owner` is what `ownerMatch` made of it. Test responses only on request.
 */
export function filtersFromQuery(query: ListQuery, now: number, owner: OwnerMatch): ResponseFilters {
  const { segment, score, scoreMin, scoreMax, from, to, q, followUpStatus, overdue, open, driver, hasComment, contactable, identified, trait, includeTest } = query;
  return {
    ...(segment ? { segment } : {}),
    ...(score !== undefined ? { score } : {}),
    ...(scoreMin !== undefined ? { scoreMin } : {}),
    ...(scoreMax !== undefined ? { scoreMax } : {}),
    ...(from ? { from: Date.parse(from) } : {}),
    ...(to ? { to: Date.parse(to) } : {}),
    ...(q ? { text: q } : {}),
    ...(followUpStatus ? { followUpStatus } : {}),
    ...owner,
    ...(overdue ? { overdueAt: now } : {}),
    ...(open ? { open } : {}),
    ...(driver !== undefined ? { driver } : {}),
    ...(hasComment !== undefined ? { hasComment } : {}),
    ...(contactable !== undefined ? { contactable } : {}),
    ...(identified !== undefined ? { identified } : {}),
    ...(trait ? { trait } : {}),
    includeTest: includeTest ?? false,
  };
}
