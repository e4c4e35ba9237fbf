import { formatIssues, timelineSchema, toFieldIssues, type FollowUpStatus, type TimelineEntry } from '../../sdk/index.ts';

/** A `follow_up_notes` row as the timeline needs it. */
export interface NoteRow {
  /** `status` | `owner` | `due` | `note`; `null` for rows written before the timeline existed. */
  kind: string | null;
  /** The follow-up's status and owner after this row's change. */
  status: string;
  owner: string | null;
  note: string | null;
  author: string | null;
  from_value: string | null;
  to_value: string | null;
  created_at: number | string;
}

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
    const at = new Date(Number(row.created_at)).toISOString();
    const author = row.author;
    if (row.kind === null) {
      if (row.status !== before.status) entries.push({ kind: 'status', at, author, from: before.status, to: row.status });
      if (row.owner !== before.owner) entries.push({ kind: 'owner', at, author, from: before.owner, to: row.owner });
      if (row.note !== null) entries.push({ kind: 'note', at, author, note: row.note });
    } else if (row.kind === 'note') {
      entries.push({ kind: 'note', at, author, note: row.note });
    } else {
      entries.push({ kind: row.kind, at, author, from: row.from_value, to: row.to_value });
    }
    before = { status: row.status, owner: row.owner };
  }
  const parsed = timelineSchema.safeParse(entries);
  if (!parsed.success) throw new Error(`follow_up_notes rows do not make a timeline: ${formatIssues(toFieldIssues(parsed.error.issues))}`);
  return parsed.data;
}
