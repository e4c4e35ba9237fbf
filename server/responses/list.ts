import type { ListSort, ResponseRecord } from '../../sdk/index.ts';
import type { Driver, SqlValue } from '../db/driver.ts';
import { int, select, selectOne } from '../db/rows.ts';
import * as z from 'zod/mini';
import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor.ts';
import { responseRowSchema, toRecord, type ResponseRow } from './record.ts';
import type { ResponseFilters } from './response-filters.ts';
import { inList } from '../db/in-list.ts';
import { DOCS_PER_MS, searchQuery, searchTerms } from '../db/search-text.ts';
import { keyValues, sortPlan } from './sort.ts';

/** One window of a search: its engine query, and received_at from (inclusive) to (exclusive). */
interface SearchWindow {
  query: string;
  from: number;
  to: number;
}

/** Tuning a test may turn. */
export interface SqlStoreOptions {
  /**
   * The first window of time a search reads its matches in, newest first; each next one is 8×
   * wider. Small enough that a common word's page is found in its last hours.
   * @default 21_600_000 (6 hours)
   */
  searchWindowMs?: number;
}

/** A page of responses, filtered (SPEC §10), newest first or in another order; cursor pagination. */
export interface ResponseList {
  /** The responses of the sites `siteIds` (a principal's: a team's, or one site key's) that match `filters`. */
  listResponses(siteIds: readonly string[], filters: ResponseFilters, page: { limit: number; cursor?: string; sort?: ListSort }): Promise<{ items: ResponseRecord[]; nextCursor: string | null }>;
  /** How many responses of the sites `siteIds` match `filters`: what the whole list would hold. */
  countResponses(siteIds: readonly string[], filters: ResponseFilters): Promise<number>;
}

const countRow = z.object({ count: int });

const anyRow = z.object({ one: z.number() });
const foldedQuery = z.object({ query: z.nullable(z.string()) });
const timeSpan = z.object({ first: z.nullable(z.pipe(z.union([z.number(), z.string()]), z.transform(Number))), last: z.nullable(z.pipe(z.union([z.number(), z.string()]), z.transform(Number))) });

/** The list of SPEC §10 over any {@link Driver}: every filter as SQL over indexed columns, search by windows of time. */
export function responseList(db: Driver, options: SqlStoreOptions = {}): ResponseList {
  const searchWindowMs = options.searchWindowMs ?? 6 * 3_600_000;
  // Every filter of SPEC §10 as SQL over indexed columns or the side tables migration 6 keeps.
  // A driver or trait filter reads its side table's index newest first and joins each row
  // (CROSS JOIN: SQLite keeps that order of the loops), so a page costs what it shows, not what
  // the filter matches; `at` and `id` name the columns the page is ordered by.
  /**
   * `newestFirst`: the rows are read in arrival order, a page at a time. A score range then must
   * not pick the score index (migration 12, for sort=score): SQLite takes it for the range and
   * sorts every match (240 ms for scores 0–3 at a million responses) where walking the arrival
   * index and stopping at a page reads a few hundred rows (4 ms). `+r.score` is the same value to
   * both engines and no index's column to either.
   */
  function where(siteId: string, filters: ResponseFilters, search?: SearchWindow, newestFirst = false): { from: string; sql: string; params: SqlValue[]; at: string; id: string } {
    const clauses: string[] = [];
    const params: SqlValue[] = [];
    const add = (clause: string, ...values: SqlValue[]) => void (clauses.push(clause), params.push(...values));
    let from = 'responses r';
    let order = { at: 'r.received_at', id: 'r.id' };
    const drive = (table: string, clause: string, ...values: SqlValue[]) => {
      from = `${table} x CROSS JOIN responses r`;
      order = { at: 'x.received_at', id: 'x.response_id' };
      add(`x.site_id = ? AND ${clause} AND r.id = x.response_id`, siteId, ...values);
    };
    // Postgres searches a window from its search table too: the window's matches, then their rows.
    const pgSearch = db.dialect === 'postgres' && search !== undefined && filters.text !== undefined;
    if (filters.driver !== undefined) drive('response_drivers', 'x.driver = ?', filters.driver);
    else if (filters.trait) drive('response_traits', 'x.key = ? AND x.value = ?', filters.trait.key, filters.trait.value);
    else if (pgSearch) drive('response_search', 'x.received_at >= ? AND x.received_at < ? AND x.doc @@ CAST(? AS tsquery)', search.from, search.to, search.query);
    add('r.site_id = ?', siteId);
    if (!filters.includeTest) add('r.test = 0');
    if (filters.segment) add('r.segment = ?', filters.segment);
    if (filters.score !== undefined) add('r.score = ?', filters.score);
    const score = newestFirst ? '+r.score' : 'r.score';
    if (filters.scoreMin !== undefined) add(`${score} >= ?`, filters.scoreMin);
    if (filters.scoreMax !== undefined) add(`${score} <= ?`, filters.scoreMax);
    if (filters.from !== undefined) add('r.received_at >= ?', filters.from);
    if (filters.to !== undefined) add('r.received_at < ?', filters.to);
    if (filters.followUpStatus) add('r.follow_up_status = ?', filters.followUpStatus);
    // A member owner's name is stored as the label too (follow-ups/store.ts): no label means no
    // owner at all, a name matches a label or a member of that name, and an id reads its own index.
    if (filters.owner === null) add('r.follow_up_owner IS NULL');
    else if (filters.owner !== undefined) add('r.follow_up_owner = ?', filters.owner);
    if (filters.ownerId !== undefined) add('r.follow_up_owner_id = ?', filters.ownerId);
    // The same condition as the partial index responses_site_open, so the index serves it.
    if (filters.overdueAt !== undefined) add("r.follow_up_status IN ('new', 'contacted') AND r.due_at < ?", filters.overdueAt);
    if (filters.open) add("r.follow_up_status IN ('new', 'contacted')");
    if (filters.driver !== undefined && filters.trait) add('r.id IN (SELECT response_id FROM response_traits WHERE site_id = ? AND key = ? AND value = ?)', siteId, filters.trait.key, filters.trait.value);
    if (filters.hasComment !== undefined) add(filters.hasComment ? "(r.comment IS NOT NULL AND r.comment <> '')" : "(r.comment IS NULL OR r.comment = '')");
    if (filters.contactable !== undefined) add(`${filters.contactable ? '' : 'NOT '}((r.contact_consent = 1 AND r.contact_email IS NOT NULL) OR r.user_email IS NOT NULL)`);
    if (filters.identified !== undefined) add(filters.identified ? 'r.user_id IS NOT NULL' : 'r.user_id IS NULL');
    if (filters.text !== undefined) {
      if (!search) add('1 = 0'); // nothing but punctuation or emoji: no word can match
      else {
        // One window of time: the engine reads only the matches received in it.
        add('r.received_at >= ? AND r.received_at < ?', search.from, search.to);
        if (db.dialect === 'sqlite')
          add(
            'r.id IN (SELECT s.response_id FROM responses_fts JOIN response_search s ON s.doc = responses_fts.rowid WHERE responses_fts MATCH ? AND responses_fts.rowid >= ? AND responses_fts.rowid < ?)',
            search.query, search.from * DOCS_PER_MS, search.to * DOCS_PER_MS,
          );
        else if (!from.startsWith('response_search'))
          add('r.id IN (SELECT response_id FROM response_search WHERE site_id = ? AND received_at >= ? AND received_at < ? AND doc @@ CAST(? AS tsquery))', siteId, search.from, search.to, search.query);
      }
    }
    return { from, sql: clauses.join(' AND '), params, ...order };
  }

  return {
    async listResponses(siteIds, filters, page) {
      const sort = page.sort ?? 'received';
      const plan = sortPlan(sort);
      let cursor: (number | string)[] | undefined;
      if (page.cursor) {
        cursor = decodeCursor(page.cursor, sort);
        if (!cursor) throw new InvalidCursorError('cursor is not one this collector made for this sort');
      }
      // Only newest first can read a search a window of time at a time: another order needs every match.
      const since = sort === 'received' && cursor ? Number(cursor[0]) : undefined;
      const rows: ResponseRow[] = [];
      for await (const window of searchWindows(siteIds, filters.text, since, sort !== 'received')) {
        const want = page.limit + 1 - rows.length;
        // The page's ids first (narrow rows to sort), then their records. Each site's ids are its
        // own page, read as a single site's always is (from its index, stopping at `want`); a
        // team's page is the first of those, so its cost grows with its sites, not with their
        // responses (`site_id IN (…)` would sort every match of every site).
        const pages = siteIds.map((siteId) => {
          const { from, sql, params, at, id } = where(siteId, filters, window, sort === 'received');
          let cursorSql = '';
          if (cursor) {
            const after = plan.after({ at, id }, keyValues(sort, cursor));
            cursorSql = ` AND ${after.sql}`;
            params.push(...after.params);
          }
          return { sql: `SELECT r.id FROM ${from} WHERE ${sql}${cursorSql} ORDER BY ${plan.orderBy({ at, id })} LIMIT ?`, params: [...params, want] };
        });
        const [only] = pages;
        if (!only) break;
        const ids =
          pages.length === 1 ? only : { sql: pages.map((one, index) => `SELECT id FROM (${one.sql}) AS site_page_${index}`).join(' UNION ALL '), params: pages.flatMap((one) => one.params) };
        const limit = pages.length === 1 ? '' : ' LIMIT ?';
        rows.push(
          ...(await select(
            db,
            responseRowSchema,
            'responses',
            `SELECT * FROM responses WHERE id IN (${ids.sql}) ORDER BY ${plan.rowsOrderBy}${limit}`,
            pages.length === 1 ? ids.params : [...ids.params, want],
          )),
        );
        if (rows.length > page.limit) break;
      }
      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      return { items: items.map(toRecord), nextCursor: rows.length > page.limit && last ? encodeCursor(plan.keyOf(last)) : null };
    },

    async countResponses(siteIds, filters) {
      let count = 0;
      // The same conditions as the list's pages, over every match: one window that spans all.
      for await (const window of searchWindows(siteIds, filters.text, undefined, true)) {
        for (const siteId of siteIds) {
          const { from, sql, params } = where(siteId, filters, window);
          const row = await selectOne(db, countRow, 'responses', `SELECT COUNT(*) AS count FROM ${from} WHERE ${sql}`, params);
          count += row?.count ?? 0;
        }
      }
      return count;
    },
  };

  /**
   * A search reads its matches a window of time at a time, newest first, each window 8× the one
   * before, until the page is full or the site's first response is passed: a page of a common
   * word costs the matches of its last days, not of every day. Windows do not overlap, so the
   * pages they add up to are exact. Without a search: one window that is no window. `whole`: one
   * window over every response (an order other than newest first, a count).
   */
  async function* searchWindows(siteIds: readonly string[], text: string | undefined, since: number | undefined, whole: boolean): AsyncGenerator<SearchWindow | undefined> {
    if (text === undefined) return yield undefined;
    const terms = searchTerms(text);
    if (terms.length === 0) return yield undefined;
    if (siteIds.length === 0) return;
    let query = searchQuery(db.dialect, terms);
    if (db.dialect === 'postgres') {
      // Folded once, here; the list's query then carries a constant its planner can weigh.
      const folded = await selectOne(db, foldedQuery, 'search query', "SELECT CAST(to_tsquery('simple', unaccent(?)) AS TEXT) AS query", [query]);
      query = folded?.query ?? '';
      // A word found nowhere on the site ends here, from the GIN index: windowed, the planner
      // would read each window's rows looking for it. One match is enough to know (LIMIT 1), but
      // with LIMIT 1 the planner walks rows hoping for an early match (a word found nowhere:
      // every row), so the probe may use bitmap scans only: the GIN index's matches, then a row.
      const found = await db.transaction(async (tx) => {
        await tx.run('SET LOCAL enable_seqscan = off');
        await tx.run('SET LOCAL enable_indexscan = off');
        const site = inList('site_id', siteIds);
        return selectOne(tx, anyRow, 'response_search', `SELECT 1 AS one FROM response_search WHERE doc @@ CAST(? AS tsquery) AND ${site.sql} LIMIT 1`, [query, ...site.params]);
      });
      if (!found) return;
    }
    // Two subqueries per site: SQLite reads a lone MIN or MAX of one site from the index's end,
    // but scans for both at once, or for a MIN over `site_id IN (…)`.
    const perSite = siteIds.map(() => 'SELECT (SELECT MIN(received_at) FROM responses WHERE site_id = ?) AS first, (SELECT MAX(received_at) FROM responses WHERE site_id = ?) AS last');
    const span = await selectOne(
      db,
      timeSpan,
      'responses',
      `SELECT MIN(first) AS first, MAX(last) AS last FROM (${perSite.join(' UNION ALL ')}) AS spans`,
      siteIds.flatMap((siteId) => [siteId, siteId]),
    );
    if (span?.first == null || span.last == null) return;
    const first = Number(span.first);
    let to = since !== undefined ? since + 1 : Number(span.last) + 1;
    if (whole) return yield { query, from: first, to };
    for (let width = searchWindowMs; to > first; width *= 8) {
      const from = Math.max(first, to - width);
      yield { query, from, to };
      to = from;
    }
  }

}
