import type { AuditAction } from './admin-team.ts';

/** `GET /v1/audit` as the admin client takes it: typed values (the collector's `auditQuerySchema` reads them as text). */
export interface AuditPageQuery {
  /** `nextCursor` of the page before. */
  cursor?: string;
  /** @default the collector's page size (50) */
  limit?: number;
  /** Only this kind of change. */
  action?: AuditAction;
}

/** The query as the collector's parameters (text), checked with its `auditQuerySchema` before sending. */
export function auditQueryParams(query: AuditPageQuery): Record<string, string> {
  const params: Record<string, string> = {};
  if (query.cursor !== undefined) params.cursor = query.cursor;
  if (query.limit !== undefined) params.limit = String(query.limit);
  if (query.action !== undefined) params.action = query.action;
  return params;
}
