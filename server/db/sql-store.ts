import { randomUUID } from 'node:crypto';
import { distributionOf, isScore, npsFromDistribution, type ResponsePayload, type Segment } from '../../sdk/index.ts';
import { hashSecret, newKey, sameHash } from '../sites/keys.ts';
import type { Driver, SqlValue } from './driver.ts';
import { DOCS_PER_MS, searchQuery, searchTerms } from './search-text.ts';
import type { FollowUpNote, FollowUpStatus, Interval, ResponseFilters, ResponseRecord, Site, Stats, Store } from './store.ts';

const DAY_MS = 86_400_000;
/** How long a team has to follow up, until teams set their own SLA (SPEC §10). */
export const DEFAULT_SLA_MS = 7 * DAY_MS;

interface SiteRow {
  id: string;
  name: string;
  public_key: string;
  secret_hash: string;
  origins: string;
  created_at: number;
}

interface ResponseRow {
  id: string;
  site_id: string;
  survey_id: string;
  seq: number;
  score: number;
  segment: Segment;
  status: ResponsePayload['status'];
  comment: string | null;
  follow_up: string | null;
  drivers: string | null;
  contact_consent: number;
  contact_email: string | null;
  anonymous_id: string;
  user_id: string | null;
  user_email: string | null;
  user_name: string | null;
  user_traits: string | null;
  url: string;
  locale: string;
  test: number;
  client_created_at: string;
  received_at: number;
  updated_at: number;
  follow_up_status: FollowUpStatus;
  follow_up_owner: string | null;
  due_at: number;
}

const toSite = (row: SiteRow): Site => ({ id: row.id, name: row.name, publicKey: row.public_key, origins: parseJson(row.origins, []), createdAt: Number(row.created_at) });

const iso = (ms: number) => new Date(Number(ms)).toISOString();

function toRecord(row: ResponseRow): ResponseRecord {
  return {
    id: row.id,
    surveyId: row.survey_id,
    seq: Number(row.seq),
    score: Number(row.score),
    segment: row.segment,
    status: row.status,
    comment: row.comment,
    followUp: row.follow_up,
    drivers: parseJson(row.drivers, []),
    contactConsent: Number(row.contact_consent) === 1,
    contactEmail: row.contact_email,
    anonymousId: row.anonymous_id,
    user: row.user_id ? { id: row.user_id, email: row.user_email, name: row.user_name, traits: parseJson(row.user_traits, null) } : null,
    url: row.url,
    locale: row.locale,
    test: Number(row.test) === 1,
    createdAt: row.client_created_at,
    receivedAt: iso(row.received_at),
    updatedAt: iso(row.updated_at),
    followUpStatus: row.follow_up_status,
    followUpOwner: row.follow_up_owner,
    dueAt: iso(row.due_at),
  };
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const encodeCursor = (row: { received_at: number; id: string }) => Buffer.from(JSON.stringify([Number(row.received_at), row.id])).toString('base64url');

function decodeCursor(cursor: string): [number, string] | undefined {
  const value: unknown = parseJson(Buffer.from(cursor, 'base64url').toString(), null);
  return Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string' ? [value[0], value[1]] : undefined;
}

/** Thrown for a cursor the store did not make. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError' as const;
}

/** Period label of a day number (days since 1970-01-01, UTC). Weeks start on Monday. */
export function periodOf(day: number, interval: Interval): string {
  const date = new Date(day * DAY_MS);
  if (interval === 'month') return date.toISOString().slice(0, 7);
  if (interval === 'day') return date.toISOString().slice(0, 10);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date((day - sinceMonday) * DAY_MS).toISOString().slice(0, 10);
}

/** One window of a search: its engine query, and received_at from (inclusive) to (exclusive). */
interface SearchWindow {
  query: string;
  from: number;
  to: number;
}

/** Tuning a test may turn. */
export interface SqlStoreOptions {
  /**
   * The first window of time a search reads its matches in, newest first; each next one is 4×
   * wider. Small enough that a common word's page is found in its last hours.
   * @default 21_600_000 (6 hours)
   */
  searchWindowMs?: number;
}

/** The store over any {@link Driver}: the same SQL for SQLite and Postgres. */
export function sqlStore(db: Driver, now: () => number = Date.now, options: SqlStoreOptions = {}): Store {
  const searchWindowMs = options.searchWindowMs ?? 6 * 3_600_000;
  // Every filter of SPEC §10 as SQL over indexed columns or the side tables migration 6 keeps.
  // A driver or trait filter reads its side table's index newest first and joins each row
  // (CROSS JOIN: SQLite keeps that order of the loops), so a page costs what it shows, not what
  // the filter matches; `at` and `id` name the columns the page is ordered by.
  function where(siteId: string, filters: ResponseFilters, search?: SearchWindow): { from: string; sql: string; params: SqlValue[]; at: string; id: string } {
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
    if (filters.scoreMin !== undefined) add('r.score >= ?', filters.scoreMin);
    if (filters.scoreMax !== undefined) add('r.score <= ?', filters.scoreMax);
    if (filters.from !== undefined) add('r.received_at >= ?', filters.from);
    if (filters.to !== undefined) add('r.received_at < ?', filters.to);
    if (filters.followUpStatus) add('r.follow_up_status = ?', filters.followUpStatus);
    if (filters.owner === null) add('r.follow_up_owner IS NULL');
    else if (filters.owner !== undefined) add('r.follow_up_owner = ?', filters.owner);
    // The same condition as the partial index responses_site_open, so the index serves it.
    if (filters.overdueAt !== undefined) add("r.follow_up_status IN ('new', 'contacted') AND r.due_at < ?", filters.overdueAt);
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
    async createSite({ name, origins }) {
      const secretKey = newKey('sk');
      const site: Site = { id: randomUUID(), name, publicKey: newKey('pk'), origins, createdAt: now() };
      await db.run('INSERT INTO sites (id, name, public_key, secret_hash, origins, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        site.id,
        name,
        site.publicKey,
        hashSecret(secretKey),
        JSON.stringify(origins),
        site.createdAt,
      ]);
      return { site, secretKey };
    },

    async listSites() {
      return (await db.all<SiteRow>('SELECT * FROM sites ORDER BY created_at, id')).map(toSite);
    },

    async siteByPublicKey(publicKey) {
      const [row] = await db.all<SiteRow>('SELECT * FROM sites WHERE public_key = ?', [publicKey]);
      return row && toSite(row);
    },

    async siteBySecret(secretKey) {
      const hash = hashSecret(secretKey);
      const [row] = await db.all<SiteRow>('SELECT * FROM sites WHERE secret_hash = ?', [hash]);
      return row && sameHash(row.secret_hash, hash) ? toSite(row) : undefined;
    },

    async upsertResponse(site, payload: ResponsePayload, segment) {
      const at = now();
      const user = payload.user;
      const values: SqlValue[] = [
        payload.id,
        site.id,
        payload.surveyId,
        payload.seq,
        payload.score,
        segment,
        payload.status,
        payload.comment ?? null,
        payload.followUp ?? null,
        payload.drivers ? JSON.stringify(payload.drivers) : null,
        payload.contactConsent ? 1 : 0,
        payload.contactEmail ?? null,
        payload.anonymousId,
        user?.id ?? null,
        user?.email ?? null,
        user?.name ?? null,
        user?.traits ? JSON.stringify(user.traits) : null,
        payload.context.url,
        payload.context.locale,
        payload.context.test ? 1 : 0,
        payload.context.createdAt,
        at,
        Math.floor(at / DAY_MS),
        at,
        at + DEFAULT_SLA_MS,
      ];
      // One statement: atomic on both engines. A lower or equal seq changes nothing; neither does
      // an id that belongs to another site. Follow-up status and notes are never touched here.
      const written = await db.all<{ seq: number; segment: Segment }>(
        `INSERT INTO responses (id, site_id, survey_id, seq, score, segment, status, comment, follow_up, drivers, contact_consent,
           contact_email, anonymous_id, user_id, user_email, user_name, user_traits, url, locale, test, client_created_at, received_at, received_day, updated_at, due_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET
           seq = excluded.seq, score = excluded.score, segment = excluded.segment, status = excluded.status,
           comment = excluded.comment, follow_up = excluded.follow_up, drivers = excluded.drivers,
           contact_consent = excluded.contact_consent, contact_email = excluded.contact_email,
           user_id = excluded.user_id, user_email = excluded.user_email, user_name = excluded.user_name,
           user_traits = excluded.user_traits, updated_at = excluded.updated_at
         WHERE responses.seq < excluded.seq AND responses.site_id = excluded.site_id
         RETURNING seq, segment`,
        values,
      );
      // Inserted or updated: one statement did it all. Otherwise a state as new was already there.
      if (written[0]) return { kind: 'stored', seq: Number(written[0].seq), segment: written[0].segment };
      const [row] = await db.all<{ site_id: string; seq: number; segment: Segment }>('SELECT site_id, seq, segment FROM responses WHERE id = ?', [payload.id]);
      if (!row || row.site_id !== site.id) return { kind: 'foreign' };
      return { kind: 'stored', seq: Number(row.seq), segment: row.segment };
    },

    async listResponses(siteId, filters, page) {
      let cursor: [number, string] | undefined;
      if (page.cursor) {
        cursor = decodeCursor(page.cursor);
        if (!cursor) throw new InvalidCursorError('cursor is not one this collector made');
      }
      const rows: ResponseRow[] = [];
      for await (const window of searchWindows(siteId, filters.text, cursor)) {
        const { from, sql, params, at, id } = where(siteId, filters, window);
        const cursorSql = cursor ? ` AND (${at} < ? OR (${at} = ? AND ${id} < ?))` : '';
        if (cursor) params.push(cursor[0], cursor[0], cursor[1]);
        // The page's ids first (narrow rows to sort), then their records.
        rows.push(
          ...(await db.all<ResponseRow>(
            `SELECT * FROM responses WHERE id IN (SELECT r.id FROM ${from} WHERE ${sql}${cursorSql} ORDER BY ${at} DESC, ${id} DESC LIMIT ?) ORDER BY received_at DESC, id DESC`,
            [...params, page.limit + 1 - rows.length],
          )),
        );
        if (rows.length > page.limit) break;
      }
      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      return { items: items.map(toRecord), nextCursor: rows.length > page.limit && last ? encodeCursor(last) : null };
    },

    async stats(siteId, filters, interval): Promise<Stats> {
      // From the daily counts: whole UTC days, so `from` and `to` round to the day they fall in.
      const clauses = ['site_id = ?', filters.includeTest ? '1 = 1' : 'test = 0'];
      const params: SqlValue[] = [siteId];
      if (filters.from !== undefined) clauses.push('day >= ?'), params.push(Math.floor(filters.from / DAY_MS));
      if (filters.to !== undefined) clauses.push('day < ?'), params.push(Math.ceil(filters.to / DAY_MS));
      const rows = await db.all<{ day: number; score: number; n: number }>(
        `SELECT day, score, SUM(n) AS n FROM response_counts WHERE ${clauses.join(' AND ')} GROUP BY day, score`,
        params,
      );
      const overall = distributionOf([]);
      const byPeriod = new Map<string, number[]>();
      for (const row of rows) {
        const score = Number(row.score);
        if (!isScore(score)) continue; // the schema admits none; a hand-edited row is skipped, not counted
        const count = Number(row.n);
        overall[score] = (overall[score] ?? 0) + count;
        const period = periodOf(Number(row.day), interval);
        const histogram = byPeriod.get(period) ?? distributionOf([]);
        histogram[score] = (histogram[score] ?? 0) + count;
        byPeriod.set(period, histogram);
      }
      const trend = [...byPeriod.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([period, histogram]) => ({ period, ...npsFromDistribution(histogram) }));
      return { summary: npsFromDistribution(overall), distribution: overall, trend };
    },

    async updateFollowUp(siteId, id, change) {
      return db.transaction(async (tx) => {
        const [row] = await tx.all<ResponseRow>('SELECT * FROM responses WHERE id = ? AND site_id = ?', [id, siteId]);
        if (!row) return undefined;
        const status = change.status ?? row.follow_up_status;
        const owner = change.owner === undefined ? row.follow_up_owner : change.owner;
        await tx.run('UPDATE responses SET follow_up_status = ?, follow_up_owner = ? WHERE id = ?', [status, owner, id]);
        await tx.run('INSERT INTO follow_up_notes (id, response_id, status, owner, note, created_at) VALUES (?, ?, ?, ?, ?, ?)', [randomUUID(), id, status, owner, change.note ?? null, now()]);
        return { response: toRecord({ ...row, follow_up_status: status, follow_up_owner: owner }), notes: await notesOf(tx, id) };
      });
    },

    async recordDismissal(siteId, userId) {
      await db.run(
        'INSERT INTO dismissals (site_id, user_id, dismissed_at) VALUES (?, ?, ?) ON CONFLICT (site_id, user_id) DO UPDATE SET dismissed_at = excluded.dismissed_at',
        [siteId, userId, now()],
      );
    },

    async lastActivity(siteId, userId) {
      const [responded] = await db.all<{ at: number | null }>('SELECT MAX(received_at) AS at FROM responses WHERE site_id = ? AND user_id = ?', [siteId, userId]);
      const [dismissed] = await db.all<{ at: number }>('SELECT dismissed_at AS at FROM dismissals WHERE site_id = ? AND user_id = ?', [siteId, userId]);
      return {
        ...(responded?.at != null ? { lastRespondedAt: Number(responded.at) } : {}),
        ...(dismissed ? { lastDismissedAt: Number(dismissed.at) } : {}),
      };
    },

    close: () => db.close(),
  };

  /**
   * A search reads its matches a window of time at a time, newest first, each window 4× the one
   * before, until the page is full or the site's first response is passed: a page of a common
   * word costs the matches of its last days, not of every day. Windows do not overlap, so the
   * pages they add up to are exact. Without a search: one window that is no window.
   */
  async function* searchWindows(siteId: string, text: string | undefined, cursor: [number, string] | undefined): AsyncGenerator<SearchWindow | undefined> {
    if (text === undefined) return yield undefined;
    const terms = searchTerms(text);
    if (terms.length === 0) return yield undefined;
    let query = searchQuery(db.dialect, terms);
    if (db.dialect === 'postgres') {
      // Folded once, here; the list's query then carries a constant its planner can weigh.
      const [folded] = await db.all<{ query: string }>("SELECT CAST(to_tsquery('simple', unaccent(?)) AS TEXT) AS query", [query]);
      query = folded?.query ?? '';
      // A word found nowhere ends here, from the GIN index alone: windowed, its planner would
      // read each window's rows looking for it.
      const [found] = await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM response_search WHERE doc @@ CAST(? AS tsquery)', [query]);
      if (Number(found?.n) === 0) return;
    }
    // Two subqueries: SQLite reads a lone MIN or MAX from the index's end, but scans for both at once.
    const [span] = await db.all<{ first: number | null; last: number | null }>(
      'SELECT (SELECT MIN(received_at) FROM responses WHERE site_id = ?) AS first, (SELECT MAX(received_at) FROM responses WHERE site_id = ?) AS last',
      [siteId, siteId],
    );
    if (span?.first == null || span.last == null) return;
    const first = Number(span.first);
    let to = cursor ? cursor[0] + 1 : Number(span.last) + 1;
    for (let width = searchWindowMs; to > first; width *= 4) {
      const from = Math.max(first, to - width);
      yield { query, from, to };
      to = from;
    }
  }

  async function notesOf(tx: Driver, id: string): Promise<FollowUpNote[]> {
    const rows = await tx.all<{ status: FollowUpStatus; owner: string | null; note: string | null; created_at: number }>(
      'SELECT status, owner, note, created_at FROM follow_up_notes WHERE response_id = ? ORDER BY created_at, id',
      [id],
    );
    return rows.map((row) => ({ status: row.status, owner: row.owner, note: row.note, createdAt: iso(row.created_at) }));
  }
}
