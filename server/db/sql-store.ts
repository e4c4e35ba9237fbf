import { randomUUID } from 'node:crypto';
import { distributionOf, isScore, npsFromDistribution, type ResponsePayload, type Segment } from '../../sdk/index.ts';
import { hashSecret, newKey, sameHash } from '../sites/keys.ts';
import type { Driver, SqlValue } from './driver.ts';
import { upsertResponseRow } from './upsert-response.ts';
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

/** The store over any {@link Driver}: the same SQL for SQLite and Postgres. */
export function sqlStore(db: Driver, now: () => number = Date.now): Store {
  function where(siteId: string, filters: ResponseFilters): { sql: string; params: SqlValue[] } {
    const clauses = ['site_id = ?'];
    const params: SqlValue[] = [siteId];
    if (!filters.includeTest) clauses.push('test = 0');
    if (filters.segment) clauses.push('segment = ?'), params.push(filters.segment);
    if (filters.score !== undefined) clauses.push('score = ?'), params.push(filters.score);
    if (filters.from !== undefined) clauses.push('received_at >= ?'), params.push(filters.from);
    if (filters.to !== undefined) clauses.push('received_at < ?'), params.push(filters.to);
    if (filters.followUpStatus) clauses.push('follow_up_status = ?'), params.push(filters.followUpStatus);
    if (filters.text) {
      const pattern = `%${filters.text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      clauses.push("(LOWER(COALESCE(comment, '')) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(follow_up, '')) LIKE ? ESCAPE '\\')");
      params.push(pattern, pattern);
    }
    return { sql: clauses.join(' AND '), params };
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

    upsertResponse: (site, payload, segment) => upsertResponseRow(db, site, payload, segment, now(), DEFAULT_SLA_MS),

    async listResponses(siteId, filters, page) {
      const { sql, params } = where(siteId, filters);
      let cursorSql = '';
      if (page.cursor) {
        const cursor = decodeCursor(page.cursor);
        if (!cursor) throw new InvalidCursorError('cursor is not one this collector made');
        cursorSql = ' AND (received_at < ? OR (received_at = ? AND id < ?))';
        params.push(cursor[0], cursor[0], cursor[1]);
      }
      const rows = await db.all<ResponseRow>(`SELECT * FROM responses WHERE ${sql}${cursorSql} ORDER BY received_at DESC, id DESC LIMIT ?`, [...params, page.limit + 1]);
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

  async function notesOf(tx: Driver, id: string): Promise<FollowUpNote[]> {
    const rows = await tx.all<{ status: FollowUpStatus; owner: string | null; note: string | null; created_at: number }>(
      'SELECT status, owner, note, created_at FROM follow_up_notes WHERE response_id = ? ORDER BY created_at, id',
      [id],
    );
    return rows.map((row) => ({ status: row.status, owner: row.owner, note: row.note, createdAt: iso(row.created_at) }));
  }
}
