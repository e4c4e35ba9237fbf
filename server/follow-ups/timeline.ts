import * as z from 'zod/mini';
import { formatIssues, timelineSchema, toFieldIssues, type FollowUpStatus, type TimelineEntry } from '../../sdk/index.ts';
import { int } from '../db/rows.ts';

/** A `follow_up_notes` row as the timeline needs it, as both engines hand it back. */
export const noteRowSchema = z.object({
  /**
   * `status` | `owner` | `due` | `note` | `step` (a playbook step: its id in from_value, `done` or
   * `undone` in to_value, its text in note) | `reply` (its subject in `note`) | `change` (note: its
   * title, to_value: its id); `null` for rows written before the timeline existed.
   */
  kind: z.nullable(z.enum(['status', 'owner', 'due', 'note', 'step', 'reply', 'change'])),
  /** The follow-up's status and owner after this row's change. */
  status: z.string(),
  owner: z.nullable(z.string()),
  note: z.nullable(z.string()),
  author: z.nullable(z.string()),
  from_value: z.nullable(z.string()),
  to_value: z.nullable(z.string()),
  created_at: int,
});
export type NoteRow = z.output<typeof noteRowSchema>;

/** A follow-up starts `new` and unassigned (SPEC §10). */
const START = { status: 'new' as FollowUpStatus | string, owner: null as string | null };

/**
 * The timeline of one response, oldest first: its arrival, then each recorded change. Rows with
 * a kind say what changed; older rows (no kind) hold the state after a change, so their entries
 * are what differs from the row before. Parsed with the contract's schema: a row that does not
 * fit is an error naming it, not a wrong entry shown to the team.
 */
export function timelineOf(receivedAt: string, notes: readonly NoteRow[]): TimelineEntry[] {
  const entries: unknown[] = [{ kind: 'created', at: receivedAt, author: null }];
  let before = START;
  for (const row of notes) {
    const at = new Date(row.created_at).toISOString();
    const author = row.author;
    if (row.kind === null) {
      if (row.status !== before.status) entries.push({ kind: 'status', at, author, from: before.status, to: row.status });
      if (row.owner !== before.owner) entries.push({ kind: 'owner', at, author, from: before.owner, to: row.owner });
      if (row.note !== null) entries.push({ kind: 'note', at, author, note: row.note });
    } else if (row.kind === 'note') {
      entries.push({ kind: 'note', at, author, note: row.note });
    } else if (row.kind === 'reply') {
      entries.push({ kind: 'reply', at, author, subject: row.note });
    } else if (row.kind === 'change') {
      entries.push({ kind: 'change', at, author, changeId: row.to_value, title: row.note });
    } else if (row.kind === 'step') {
      entries.push({ kind: 'step', at, author, step: row.from_value, text: row.note, done: row.to_value === 'done' });
    } else {
      entries.push({ kind: row.kind, at, author, from: row.from_value, to: row.to_value });
    }
    before = { status: row.status, owner: row.owner };
  }
  const parsed = timelineSchema.safeParse(entries);
  if (!parsed.success) throw new Error(`follow_up_notes rows do not make a timeline: ${formatIssues(toFieldIssues(parsed.error.issues))}`);
  return parsed.data;
}
