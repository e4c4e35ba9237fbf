import * as z from 'zod/mini';
import { actorSchema, type AuditEntry } from '../../sdk/index.ts';
import { int, jsonText } from '../db/rows.ts';

/** A row of `audit_log` as both engines hand it back, with `at` kept for the page's cursor. */
export const auditRowSchema = z.pipe(
  z.object({
    id: z.string(),
    at: int,
    actor_type: actorSchema.shape.type,
    actor_id: z.nullable(z.string()),
    actor_name: z.string(),
    action: z.string(),
    target_type: z.nullable(z.string()),
    target_id: z.nullable(z.string()),
    detail: jsonText(z.record(z.string(), z.unknown())),
  }),
  z.transform((row) => ({
    at: row.at,
    entry: {
      id: row.id,
      at: new Date(row.at).toISOString(),
      actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
      action: row.action,
      // Both or neither: a half-written target is no target.
      target: row.target_type !== null && row.target_id !== null ? { type: row.target_type, id: row.target_id } : null,
      detail: row.detail,
    } satisfies AuditEntry,
  })),
);
