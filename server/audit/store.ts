import type { AuditAction, AuditEntry } from '../../sdk/index.ts';
import type { Driver, SqlValue } from '../db/driver.ts';
import { select } from '../db/rows.ts';
import { auditRowSchema } from './audit-row.ts';
import { decodeAuditCursor, encodeAuditCursor, InvalidAuditCursorError } from './cursor.ts';

/** A page of the log: its entries, newest first, and where the next page starts (`null`: the end). */
export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

/** Reading a team's audit log (SPEC §9: every change records who did it). */
export interface AuditStore {
  /** Newest first; throws {@link InvalidAuditCursorError} for a cursor it did not make. */
  listAudit(teamId: string, page: { cursor?: string; limit: number; action?: AuditAction }): Promise<AuditPage>;
}

/** The `audit_log` table, on either engine. */
export function auditStore(db: Driver): AuditStore {
  return {
    async listAudit(teamId, page) {
      const params: SqlValue[] = [teamId];
      let sql = 'SELECT * FROM audit_log WHERE team_id = ?';
      if (page.action) (sql += ' AND action = ?'), params.push(page.action);
      if (page.cursor !== undefined) {
        const cursor = decodeAuditCursor(page.cursor);
        if (!cursor) throw new InvalidAuditCursorError('cursor is not one this collector made');
        (sql += ' AND (at < ? OR (at = ? AND id < ?))'), params.push(cursor[0], cursor[0], cursor[1]);
      }
      // One more than the page: whether there is a next page, without counting.
      const rows = await select(db, auditRowSchema, 'audit_log', `${sql} ORDER BY at DESC, id DESC LIMIT ?`, [...params, page.limit + 1]);
      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      return { items: items.map((row) => row.entry), nextCursor: rows.length > page.limit && last ? encodeAuditCursor({ at: last.at, id: last.entry.id }) : null };
    },
  };
}
