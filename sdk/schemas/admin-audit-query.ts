import * as z from 'zod/mini';
import { text } from './text.ts';

/** `GET /v1/audit` (admin): newest first, by cursor, optionally one action only. */
export const auditQuerySchema = z.strictObject({
  cursor: z.optional(text(500, 1)),
  /** @default the collector's page size */
  limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(200))),
  /** e.g. `token.created`. */
  action: z.optional(text(100, 1)),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

/** The query as the collector's parameters (text). */
export function auditQueryParams(query: AuditQuery): Record<string, string> {
  const params: Record<string, string> = {};
  if (query.cursor !== undefined) params.cursor = query.cursor;
  if (query.limit !== undefined) params.limit = String(query.limit);
  if (query.action !== undefined) params.action = query.action;
  return params;
}
