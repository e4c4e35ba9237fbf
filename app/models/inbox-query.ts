import { listQuerySchema, TRAIT_PREFIX, type ListQuery } from '../../sdk/index.ts';

/** The inbox's filters as a link carries them: list query parameters, text (`segment=passive`, `trait.plan=pro`). */
export type FilterParams = Readonly<Record<string, string>>;

/** Paging belongs to the list being read, never to a link or a view. */
const PAGING = new Set(['cursor', 'limit']);

/**
 * The typed list query for a link's parameters. A parameter the collector would refuse (hand-edited,
 * from an older version) is left out, with its name, rather than failing the whole list.
 * @example toListQuery({ segment: 'passive', scoreMin: 'ten' }) // { query: { segment: 'passive' }, dropped: ['scoreMin'] }
 */
export function toListQuery(params: FilterParams): { query: ListQuery; dropped: string[] } {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) if (!PAGING.has(name) && value !== '') kept[name] = value;
  const dropped: string[] = [];
  for (let tries = 0; tries < 30; tries++) {
    const parsed = listQuerySchema.safeParse(kept);
    if (parsed.success) return { query: parsed.data, dropped };
    // A name the list does not know is one issue without a path that lists the names (`keys`).
    const names = new Set(parsed.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')])));
    // A refinement over two fields names one of them; an issue without a path drops everything.
    const bad = [...names].filter((name) => name in kept);
    if (bad.length === 0) return { query: {}, dropped: [...dropped, ...Object.keys(kept)] };
    for (const name of bad) {
      delete kept[name];
      dropped.push(name);
    }
  }
  return { query: {}, dropped };
}

/** `params` with `name` set to `value`, or without it for `''`/`undefined`. */
export function withParam(params: FilterParams, name: string, value: string | undefined): Record<string, string> {
  const next: Record<string, string> = { ...params };
  if (value === undefined || value === '') delete next[name];
  else next[name] = value;
  return next;
}

/** How many filters `params` set: every list parameter but the order. */
export const filtersOn = (params: FilterParams): number => Object.keys(params).filter((name) => name !== 'sort').length;

/** The filters the inbox keeps under "More filters" (a trait is `trait.KEY`): what a team reaches for less often than search, segment, status and owner. */
const MORE_FILTERS: ReadonlySet<string> = new Set(['scoreMin', 'scoreMax', 'hasComment', 'contactable', 'identified', 'driver', 'from', 'to', 'overdue']);

/** How many of the "More filters" `params` set. */
export const moreFiltersOn = (params: FilterParams): number => Object.keys(params).filter((name) => MORE_FILTERS.has(name) || name.startsWith(TRAIT_PREFIX)).length;
