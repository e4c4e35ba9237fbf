import * as z from 'zod/mini';
import { otherResponseSchema, type Interval, type OtherResponse, type ResponsePayload, type Segment, type Stats, type StatsSummary } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { inList } from '../db/in-list.ts';
import { int, nullableInt, select, selectOne } from '../db/rows.ts';
import type { Site } from '../sites/index.ts';
import { responseList, type ResponseList, type SqlStoreOptions } from './list.ts';
import { iso, responseRowSchema, type ResponseRow } from './record.ts';
import { responseStats, type ShownOf } from './stats.ts';
import { responseSummary } from './stats-summary.ts';
import type { StatsFilters } from './stats-filters.ts';
import { upsertResponseRow, type UpsertResult } from './upsert.ts';

/** How many of the same person's other responses a detail shows, newest first. */
const OTHERS_LIMIT = 100;

/** Responses: ingest (the upsert), the filtered list, and the stats. */
export interface ResponsesStore extends ResponseList {
  /**
   * Keeps the highest `seq` per id, atomically, and says what it did; `foreign` when the id belongs
   * to another site. Enqueues `response.scored` / `response.completed` in the same transaction.
   * A new response is due the site's team's SLA (`site.slaDays`) after it arrives.
   */
  upsertResponse(site: Site, payload: ResponsePayload, segment: Segment): Promise<UpsertResult>;
  /** The stats of the sites `siteIds` together, now (follow-up health is as of the store's clock). */
  stats(siteIds: readonly string[], filters: StatsFilters, interval: Interval): Promise<Stats>;
  /** The summary and 0–10 distribution alone, from the daily counts. */
  summary(siteIds: readonly string[], filters: StatsFilters): Promise<StatsSummary>;
}

/**
 * The responses tables, on either engine. `shownOf` is how the impressions resource counts
 * displays, for the response rate.
 */
export function responsesStore(db: Driver, now: () => number, options: SqlStoreOptions, shownOf: ShownOf): ResponsesStore {
  return {
    upsertResponse: (site, payload, segment) => upsertResponseRow(db, site, payload, segment, now()),
    ...responseList(db, options),
    stats: (siteIds, filters, interval) => responseStats(db, siteIds, filters, interval, { now: now(), shownOf }),
    summary: (siteIds, filters) => responseSummary(db, siteIds, filters),
  };
}

// What other resources ask of responses (STYLE.md: through functions this resource exports,
// never its tables). Each takes the driver it is handed, so it can run inside their transaction.

/**
 * One response of the sites `siteIds` as its row, or `undefined` (also when it is another site's:
 * for this principal it does not exist); `lock` holds the row until the transaction ends (Postgres).
 */
export function responseRow(db: Driver, siteIds: readonly string[], id: string, options: { lock?: boolean } = {}): Promise<ResponseRow | undefined> {
  const lock = options.lock && db.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const sites = inList('site_id', siteIds);
  return selectOne(db, responseRowSchema, 'responses', `SELECT * FROM responses WHERE id = ? AND ${sites.sql}${lock}`, [id, ...sites.params]);
}

const otherRow = z.object({ id: z.string(), score: int, segment: z.string(), received_at: int });

/** The same person's other responses on the site (same user id, else same anonymous id), newest first. */
export async function othersOf(db: Driver, row: ResponseRow): Promise<OtherResponse[]> {
  const person = row.user_id ? { column: 'user_id', value: row.user_id } : { column: 'anonymous_id', value: row.anonymous_id };
  const others = await select(
    db,
    otherRow,
    'responses',
    `SELECT id, score, segment, received_at FROM responses WHERE site_id = ? AND ${person.column} = ? AND id <> ? AND test = ? ORDER BY received_at DESC, id DESC LIMIT ${OTHERS_LIMIT}`,
    [row.site_id, person.value, row.id, row.test],
  );
  return others.map((other) => otherResponseSchema.parse({ id: other.id, score: other.score, segment: other.segment, receivedAt: iso(other.received_at) }));
}

/**
 * Writes a response's follow-up columns (the follow-ups resource owns what they mean): `owner` is
 * the label shown (a member's name when `ownerId` is set), `ownerId` the member.
 */
export async function setFollowUp(db: Driver, id: string, change: { status: string; owner: string | null; ownerId: string | null; dueAt: number }): Promise<void> {
  await db.run('UPDATE responses SET follow_up_status = ?, follow_up_owner = ?, follow_up_owner_id = ?, due_at = ? WHERE id = ?', [change.status, change.owner, change.ownerId, change.dueAt, id]);
}

const lastRow = z.object({ at: nullableInt });

/** When an identified user last answered on a site (SPEC §5, cross-device), or `undefined`. */
export async function lastRespondedAt(db: Driver, siteId: string, userId: string): Promise<number | undefined> {
  const row = await selectOne(db, lastRow, 'responses', 'SELECT MAX(received_at) AS at FROM responses WHERE site_id = ? AND user_id = ?', [siteId, userId]);
  return row?.at ?? undefined;
}
