import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { FollowUpChange, ResponseDetail } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { nullableInt, select, selectOne } from '../db/rows.ts';
import { iso, othersOf, responseRow, setFollowUp, toRecord, type ResponseRow } from '../responses/index.ts';
import { noteRowSchema, timelineOf } from './timeline.ts';

/** Follow-up (SPEC §10): one response with its timeline, and changes to status, owner, due date and notes. */
export interface FollowUpsStore {
  /** One response with its follow-up timeline and the same person's other responses; `undefined` on another site. */
  getResponse(siteId: string, id: string): Promise<ResponseDetail | undefined>;
  /** Applies the change and records each part of it in the timeline, in one transaction. */
  updateFollowUp(siteId: string, id: string, change: FollowUpChange): Promise<ResponseDetail | undefined>;
}

const positionRow = z.object({ position: nullableInt });

/** The follow-up of every response, kept in `follow_up_notes` and the response's follow-up columns. */
export function followUpsStore(db: Driver, now: () => number = Date.now): FollowUpsStore {
  return {
    async getResponse(siteId, id) {
      const row = await responseRow(db, siteId, id);
      return row && detailOf(db, row);
    },

    async updateFollowUp(siteId, id, change) {
      return db.transaction(async (tx) => {
        // Postgres: the row stays locked until commit, so concurrent changes see each other's
        // "before" values and positions. SQLite's write transaction already holds the database.
        const row = await responseRow(tx, siteId, id, { lock: true });
        if (!row) return undefined;
        const status = change.status ?? row.follow_up_status;
        const owner = change.owner === undefined ? row.follow_up_owner : change.owner;
        const due = row.due_at ?? row.received_at;
        const dueAt = change.dueAt === undefined ? due : Date.parse(change.dueAt);
        // One timeline row per part that changed; setting a value it already has records nothing.
        const parts: { kind: string; from?: string | null; to?: string | null; note?: string }[] = [];
        if (status !== row.follow_up_status) parts.push({ kind: 'status', from: row.follow_up_status, to: status });
        if (owner !== row.follow_up_owner) parts.push({ kind: 'owner', from: row.follow_up_owner, to: owner });
        if (dueAt !== due) parts.push({ kind: 'due', from: iso(due), to: iso(dueAt) });
        if (change.note !== undefined) parts.push({ kind: 'note', note: change.note });
        if (parts.length) {
          const at = now();
          await setFollowUp(tx, id, { status, owner, dueAt });
          const last = await selectOne(tx, positionRow, 'follow_up_notes', 'SELECT MAX(position) AS position FROM follow_up_notes WHERE response_id = ?', [id]);
          let position = last?.position ?? 0;
          for (const part of parts) {
            await tx.run(
              'INSERT INTO follow_up_notes (id, response_id, kind, status, owner, note, author, from_value, to_value, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
              [randomUUID(), id, part.kind, status, owner, part.note ?? null, null, part.from ?? null, part.to ?? null, ++position, at],
            );
          }
        }
        return detailOf(tx, { ...row, follow_up_status: status, follow_up_owner: owner, due_at: dueAt });
      });
    },
  };
}

/** The record, its timeline, and the same person's other responses on the site. */
async function detailOf(db: Driver, row: ResponseRow): Promise<ResponseDetail> {
  const response = toRecord(row);
  // Rows from before the timeline have no position; they all precede the ones that do.
  const notes = await select(
    db,
    noteRowSchema,
    'follow_up_notes',
    'SELECT kind, status, owner, note, author, from_value, to_value, created_at FROM follow_up_notes WHERE response_id = ? ORDER BY created_at, COALESCE(position, 0), id',
    [row.id],
  );
  return { response, timeline: timelineOf(response.receivedAt, notes), others: await othersOf(db, row) };
}
