import { randomUUID } from 'node:crypto';
import type { Actor, AuditAction } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import type { AuditTarget } from '../http/audit.ts';

/** One change to record: whose team, who did it, what, to which thing, and its particulars. */
export interface AuditRecord {
  teamId: string;
  actor: Actor;
  action: AuditAction;
  target?: AuditTarget;
  /** The change's fields (e.g. `{ from: 'member', to: 'admin' }`); stored as JSON. @default {} */
  detail?: Record<string, unknown>;
}

/**
 * Appends `entry` to the audit log at `now` (epoch ms). Pass the transaction's driver to commit it
 * with the change it describes.
 */
export async function recordAudit(db: Driver, entry: AuditRecord, now: number): Promise<void> {
  await db.run(
    'INSERT INTO audit_log (id, team_id, at, actor_type, actor_id, actor_name, action, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [
      randomUUID(),
      entry.teamId,
      now,
      entry.actor.type,
      entry.actor.id,
      entry.actor.name,
      entry.action,
      entry.target?.type ?? null,
      entry.target?.id ?? null,
      JSON.stringify(entry.detail ?? {}),
    ],
  );
}
