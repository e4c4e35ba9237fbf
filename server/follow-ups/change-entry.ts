import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { Actor } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { nullableInt, selectOne } from '../db/rows.ts';

const stateRow = z.object({ follow_up_status: z.string(), follow_up_owner: z.nullable(z.string()), position: nullableInt });

/**
 * Resolves a response's follow-up because a published change answered it (SPEC §12), in the
 * transaction `tx` the publishing runs in: a `status` entry when it was not resolved yet, then a
 * `change` entry naming the change. `true` when the status changed. The changes resource calls
 * this instead of writing the follow-up's rows itself.
 */
export async function resolveByChange(tx: Driver, input: { responseId: string; changeId: string; title: string; author: Actor; at: number }): Promise<boolean> {
  const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const row = await selectOne(
    tx,
    stateRow,
    'responses',
    `SELECT follow_up_status, follow_up_owner, (SELECT MAX(position) FROM follow_up_notes WHERE response_id = responses.id) AS position FROM responses WHERE id = ?${lock}`,
    [input.responseId],
  );
  if (!row) return false;
  const { author, at } = input;
  let position = row.position ?? 0;
  const insert = (kind: string, note: string | null, from: string | null, to: string | null) =>
    tx.run(
      `INSERT INTO follow_up_notes (id, response_id, kind, status, owner, note, author, author_type, author_id, from_value, to_value, position, created_at)
       VALUES (?, ?, ?, 'resolved', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [randomUUID(), input.responseId, kind, row.follow_up_owner, note, author.name, author.type, author.id, from, to, ++position, at],
    );
  const changed = row.follow_up_status !== 'resolved';
  if (changed) {
    await tx.run("UPDATE responses SET follow_up_status = 'resolved' WHERE id = ?", [input.responseId]);
    await insert('status', null, row.follow_up_status, 'resolved');
  }
  await insert('change', input.title, null, input.changeId);
  return changed;
}
