import { describe, expect, it } from 'vitest';
import { parseRows } from '../../server/db/rows.ts';
import { noteRowSchema, timelineOf, type NoteRow } from '../../server/follow-ups/index.ts';

const RECEIVED = '2026-11-22T10:00:00.000Z';
const at = (minutes: number) => Date.parse(RECEIVED) + minutes * 60_000;
const row = (overrides: Partial<NoteRow>): NoteRow => ({ kind: null, status: 'new', owner: null, note: null, author: null, from_value: null, to_value: null, created_at: at(1), ...overrides });

describe('timelineOf', () => {
  it('starts with the arrival, then one entry per recorded part, each with its author', () => {
    const timeline = timelineOf(RECEIVED, [
      row({ kind: 'status', status: 'contacted', from_value: 'new', to_value: 'contacted', author: 'sam@team', created_at: at(1) }),
      row({ kind: 'due', status: 'contacted', from_value: '2026-11-29T10:00:00.000Z', to_value: '2026-12-01T09:00:00.000Z', created_at: at(2) }),
      row({ kind: 'note', status: 'contacted', note: 'Called back', created_at: at(2) }),
    ]);
    expect(timeline).toEqual([
      { kind: 'created', at: RECEIVED, author: null },
      { kind: 'status', at: '2026-11-22T10:01:00.000Z', author: 'sam@team', from: 'new', to: 'contacted' },
      { kind: 'due', at: '2026-11-22T10:02:00.000Z', author: null, from: '2026-11-29T10:00:00.000Z', to: '2026-12-01T09:00:00.000Z' },
      { kind: 'note', at: '2026-11-22T10:02:00.000Z', author: null, note: 'Called back' },
    ]);
  });

  it('a reply to the respondent is an entry with its subject and author', () => {
    expect(timelineOf(RECEIVED, [row({ kind: 'reply', note: 'About your answer', author: 'Ana', created_at: at(5) })]).at(-1)).toEqual({
      kind: 'reply',
      at: '2026-11-22T10:05:00.000Z',
      author: 'Ana',
      subject: 'About your answer',
    });
  });

  it('rows from before the timeline (state after each change, no kind) become what changed', () => {
    const timeline = timelineOf(RECEIVED, [
      row({ status: 'contacted', owner: 'sam', note: 'Called', created_at: at(1) }),
      row({ status: 'contacted', owner: 'sam', note: 'Left a message', created_at: at(2) }),
      row({ status: 'resolved', owner: 'kim', created_at: at(3) }),
    ]);
    expect(timeline.map(({ at: _at, author: _author, ...entry }) => entry)).toEqual([
      { kind: 'created' },
      { kind: 'status', from: 'new', to: 'contacted' },
      { kind: 'owner', from: null, to: 'sam' },
      { kind: 'note', note: 'Called' },
      { kind: 'note', note: 'Left a message' },
      { kind: 'status', from: 'contacted', to: 'resolved' },
      { kind: 'owner', from: 'sam', to: 'kim' },
    ]);
  });

  it('a row that fits no entry is an error that says where, not a wrong entry', () => {
    expect(() => timelineOf(RECEIVED, [row({ kind: 'status', from_value: 'new', to_value: 'done' })])).toThrow(/1\.to/);
    expect(() => parseRows(noteRowSchema, [{ ...row({}), kind: 'call' }], 'follow_up_notes')).toThrow(/follow_up_notes does not fit its schema: kind/);
    expect(() => timelineOf(RECEIVED, [row({ kind: 'reply', note: null })])).toThrow(/1\.subject/);
    // Both engines' numbers: Postgres hands BIGINT aggregates back as text.
    expect(parseRows(noteRowSchema, [{ ...row({}), created_at: String(at(2)) }], 'follow_up_notes')[0]?.created_at).toBe(at(2));
  });
});
