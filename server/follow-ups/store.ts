import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { Actor, FollowUpChange, PlaybookStep, ResponseDetail, Segment } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { nullableInt, select, selectOne } from '../db/rows.ts';
import { enqueue } from '../jobs/index.ts';
import { iso, othersOf, responseRow, setFollowUp, toRecord, type ResponseRow } from '../responses/index.ts';
import { noteRowSchema, timelineOf } from './timeline.ts';

/** Whose follow-ups a change may touch: the principal's team (whose members may own them) and its sites. */
export interface FollowUpScope {
  teamId: string;
  siteIds: readonly string[];
}

/**
 * What a change came to: the detail after it, a 404 (no such response in scope), an `ownerId`
 * that is no member, or a step that is not in the team's playbook for the response's segment.
 */
export type FollowUpResult = { kind: 'changed'; detail: ResponseDetail } | { kind: 'not_found' } | { kind: 'unknown_owner' } | { kind: 'unknown_step' };

/** Follow-up (SPEC §10): one response with its timeline, and changes to status, owner, due date and notes. */
export interface FollowUpsStore {
  /** One response of the sites `siteIds` with its follow-up timeline and the same person's other responses; `undefined` outside them. */
  getResponse(siteIds: readonly string[], id: string): Promise<ResponseDetail | undefined>;
  /** Applies the change and records each part of it in the timeline under `author`, in one transaction. */
  updateFollowUp(scope: FollowUpScope, id: string, change: FollowUpChange, author: Actor): Promise<FollowUpResult>;
}

/** What follow-ups ask of the teams resource: a member's name, in the transaction it is handed. */
export type MemberNameOf = (db: Driver, teamId: string, userId: string) => Promise<string | undefined>;

/** What follow-ups ask of the playbooks resource: a step of a team's playbook for a segment, in the transaction it is handed. */
export type PlaybookStepOf = (db: Driver, teamId: string, segment: Segment, stepId: string) => Promise<PlaybookStep | undefined>;

const positionRow = z.object({ position: nullableInt });
const stepStateRow = z.object({ to_value: z.nullable(z.string()) });

/** The follow-up of every response, kept in `follow_up_notes` and the response's follow-up columns. */
export function followUpsStore(db: Driver, deps: { memberName: MemberNameOf; playbookStep: PlaybookStepOf; now?: () => number }): FollowUpsStore {
  const now = deps.now ?? Date.now;
  return {
    async getResponse(siteIds, id) {
      const row = await responseRow(db, siteIds, id);
      return row && detailOf(db, row);
    },

    async updateFollowUp(scope, id, change, author) {
      return db.transaction(async (tx): Promise<FollowUpResult> => {
        // Postgres: the row stays locked until commit, so concurrent changes see each other's
        // "before" values and positions. SQLite's write transaction already holds the database.
        const row = await responseRow(tx, scope.siteIds, id, { lock: true });
        if (!row) return { kind: 'not_found' };
        const status = change.status ?? row.follow_up_status;
        // A member owner is kept as their id and, for lists that need no join, their name; a label alone has no id.
        let owner = { id: row.follow_up_owner_id, name: row.follow_up_owner };
        if (typeof change.ownerId === 'string') {
          const name = await deps.memberName(tx, scope.teamId, change.ownerId);
          if (name === undefined) return { kind: 'unknown_owner' };
          owner = { id: change.ownerId, name };
        } else if (change.ownerId === null) owner = { id: null, name: null };
        else if (change.owner !== undefined) owner = { id: null, name: change.owner };
        const due = row.due_at ?? row.received_at;
        const dueAt = change.dueAt === undefined ? due : Date.parse(change.dueAt);
        // One timeline row per part that changed; setting a value it already has records nothing.
        const parts: { kind: string; from?: string | null; to?: string | null; note?: string }[] = [];
        if (status !== row.follow_up_status) parts.push({ kind: 'status', from: row.follow_up_status, to: status });
        if (owner.id !== row.follow_up_owner_id || owner.name !== row.follow_up_owner) parts.push({ kind: 'owner', from: row.follow_up_owner, to: owner.name });
        if (dueAt !== due) parts.push({ kind: 'due', from: iso(due), to: iso(dueAt) });
        if (change.note !== undefined) parts.push({ kind: 'note', note: change.note });
        if (change.step !== undefined) {
          const step = await deps.playbookStep(tx, scope.teamId, row.segment, change.step.id);
          if (!step) return { kind: 'unknown_step' };
          // Ticking a step already ticked (or unticking one that is not) records nothing, like any value it already has.
          const last = await selectOne(tx, stepStateRow, 'follow_up_notes', "SELECT to_value FROM follow_up_notes WHERE response_id = ? AND kind = 'step' AND from_value = ? ORDER BY position DESC LIMIT 1", [id, step.id]);
          const done = change.step.done ? 'done' : 'undone';
          if ((last?.to_value ?? 'undone') !== done) parts.push({ kind: 'step', from: step.id, to: done, note: step.text });
        }
        if (parts.length) {
          const at = now();
          await setFollowUp(tx, id, { status, owner: owner.name, ownerId: owner.id, dueAt });
          const last = await selectOne(tx, positionRow, 'follow_up_notes', 'SELECT MAX(position) AS position FROM follow_up_notes WHERE response_id = ?', [id]);
          let position = last?.position ?? 0;
          for (const part of parts) {
            await tx.run(
              `INSERT INTO follow_up_notes (id, response_id, kind, status, owner, note, author, author_type, author_id, from_value, to_value, position, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
              [randomUUID(), id, part.kind, status, owner.name, part.note ?? null, author.name, author.type, author.id, part.from ?? null, part.to ?? null, ++position, at],
            );
          }
          // `follow_up.changed` commits with the change (webhooks fan out from its job); a note alone changes no follow-up.
          const changed = followUpEvent(parts, { status, ownerId: owner.id, owner: owner.name, dueAt: iso(dueAt) });
          if (changed) await enqueue(tx, { kind: 'follow_up.changed', siteId: row.site_id, payload: { responseId: id, change: changed, by: author } }, at);
        }
        const detail = await detailOf(tx, { ...row, follow_up_status: status, follow_up_owner: owner.name, follow_up_owner_id: owner.id, due_at: dueAt });
        return { kind: 'changed', detail };
      });
    },
  };
}

/** What a change set, for the `follow_up.changed` event: the changed fields only; `undefined` for a note alone. */
function followUpEvent(parts: { kind: string }[], after: { status: string; ownerId: string | null; owner: string | null; dueAt: string }) {
  const kinds = new Set(parts.map((part) => part.kind));
  if (!kinds.has('status') && !kinds.has('owner') && !kinds.has('due')) return undefined;
  return {
    ...(kinds.has('status') ? { status: after.status } : {}),
    ...(kinds.has('owner') ? { ownerId: after.ownerId, owner: after.owner } : {}),
    ...(kinds.has('due') ? { dueAt: after.dueAt } : {}),
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
