import * as z from 'zod/mini';
import { RESPONSE_STATUSES, SEGMENTS, type ResponsePayload, type Segment } from '../../sdk/index.ts';
import type { Driver, SqlValue } from '../db/driver.ts';
import { int, nullableInt, select, selectOne } from '../db/rows.ts';
import { enqueue } from '../jobs/index.ts';
import type { Site } from '../sites/index.ts';
import { DAY_MS } from './stats.ts';

/** What an upsert did: a new response, a later step (higher `seq`), or nothing (a state as new was there). */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export type UpsertResult =
  | {
      kind: 'stored';
      /** The stored state's seq and segment (the stored one when `unchanged`). */
      seq: number;
      segment: Segment;
      outcome: UpsertOutcome;
      /** This write stored the response's first score (its first step), rather than a later step. */
      firstScore: boolean;
      /** Of the stored state. */
      status: ResponsePayload['status'];
    }
  | { kind: 'foreign' };

const previousRow = z.object({ site_id: z.string(), seq: int, segment: z.enum(SEGMENTS), status: z.enum(RESPONSE_STATUSES), anonymised_at: nullableInt });
const insertedRow = z.object({ seq: int });

/**
 * Keeps the highest `seq` per response id and says what the write did, in one transaction
 * with the jobs it causes: `response.scored` when it stored the first score (created), and
 * `response.completed` when the status first became `complete`. The row is read under a lock
 * (`FOR UPDATE` on Postgres; SQLite's transaction holds the only write lock), so the outcome is
 * exact under any concurrency; two first posts racing on Postgres meet at the insert, and the
 * loser goes round once more as an update. A new response is due `site.slaDays` (its team's SLA)
 * after it arrives; later steps never move that.
 */
export function upsertResponseRow(db: Driver, site: Site, payload: ResponsePayload, segment: Segment, at: number): Promise<UpsertResult> {
  const user = payload.user;
  const state: SqlValue[] = [
    payload.seq,
    payload.score,
    segment,
    payload.status,
    payload.comment ?? null,
    payload.followUp ?? null,
    payload.drivers ? JSON.stringify(payload.drivers) : null,
    payload.contactConsent ? 1 : 0,
    payload.contactEmail ?? null,
    user?.id ?? null,
    user?.email ?? null,
    user?.name ?? null,
    user?.traits ? JSON.stringify(user.traits) : null,
  ];
  const event = { responseId: payload.id, surveyId: payload.surveyId, seq: payload.seq, score: payload.score, segment, status: payload.status };
  const scored = (tx: Driver) => enqueue(tx, { kind: 'response.scored', key: `response.scored:${payload.id}`, siteId: site.id, payload: event }, at);
  const completed = (tx: Driver) => enqueue(tx, { kind: 'response.completed', key: `response.completed:${payload.id}`, siteId: site.id, payload: event }, at);

  return db.transaction(async (tx) => {
    for (let round = 0; round < 2; round++) {
      const previous = await selectOne(tx, previousRow, 'responses', `SELECT site_id, seq, segment, status, anonymised_at FROM responses WHERE id = ?${tx.dialect === 'postgres' ? ' FOR UPDATE' : ''}`, [payload.id]);
      if (previous) {
        if (previous.site_id !== site.id) return { kind: 'foreign' };
        // Anonymised by the site's retention: a late retry from the person's browser must not bring back what was removed.
        if (previous.seq >= payload.seq || previous.anonymised_at !== null) {
          return { kind: 'stored', outcome: 'unchanged', firstScore: false, seq: previous.seq, segment: previous.segment, status: previous.status };
        }
        // Follow-up status and notes are never touched here; neither is what the first post fixed (context, identity of the visitor).
        await tx.run(
          `UPDATE responses SET seq = ?, score = ?, segment = ?, status = ?, comment = ?, follow_up = ?, drivers = ?, contact_consent = ?,
             contact_email = ?, user_id = ?, user_email = ?, user_name = ?, user_traits = ?, updated_at = ?
           WHERE id = ?`,
          [...state, at, payload.id],
        );
        if (payload.status === 'complete' && previous.status !== 'complete') await completed(tx);
        return { kind: 'stored', outcome: 'updated', firstScore: false, seq: payload.seq, segment, status: payload.status };
      }
      const inserted = await select(tx, insertedRow, 'responses',
        `INSERT INTO responses (seq, score, segment, status, comment, follow_up, drivers, contact_consent, contact_email, user_id, user_email, user_name, user_traits,
           id, site_id, survey_id, anonymous_id, url, locale, test, client_created_at, received_at, received_day, updated_at, due_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING
         RETURNING seq`,
        [
          ...state,
          payload.id,
          site.id,
          payload.surveyId,
          payload.anonymousId,
          payload.context.url,
          payload.context.locale,
          payload.context.test ? 1 : 0,
          payload.context.createdAt,
          at,
          Math.floor(at / DAY_MS),
          at,
          at + site.slaDays * DAY_MS,
        ],
      );
      if (inserted[0]) {
        await scored(tx);
        if (payload.status === 'complete') await completed(tx);
        return { kind: 'stored', outcome: 'created', firstScore: true, seq: payload.seq, segment, status: payload.status };
      }
      // Another transaction inserted this id after our read (Postgres): read it again, locked.
    }
    throw new Error(`response ${payload.id} was neither found nor inserted`);
  });
}
