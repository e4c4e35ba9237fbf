import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { Actor } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { nullableInt, selectOne } from '../db/rows.ts';

const positionRow = z.object({ position: nullableInt });

/**
 * Adds "a member replied" to a response's timeline (SPEC §10), the subject in `note`, keeping the
 * follow-up's status and owner as they are. Pass the transaction that queues the mail, so the
 * entry and the mail commit together.
 */
export async function addReplyEntry(tx: Driver, response: { id: string; status: string; owner: string | null }, author: Actor, subject: string, at: number): Promise<void> {
  const last = await selectOne(tx, positionRow, 'follow_up_notes', 'SELECT MAX(position) AS position FROM follow_up_notes WHERE response_id = ?', [response.id]);
  await tx.run(
    `INSERT INTO follow_up_notes (id, response_id, kind, status, owner, note, author, author_type, author_id, position, created_at)
     VALUES (?, ?, 'reply', ?, ?, ?, ?, ?, ?, ?, ?)`,
    [randomUUID(), response.id, response.status, response.owner, subject, author.name, author.type, author.id, (last?.position ?? 0) + 1, at],
  );
}
