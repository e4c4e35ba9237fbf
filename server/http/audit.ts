import type { Context } from 'hono';
import type { AuditAction } from '../../sdk/index.ts';
import type { PrincipalEnv } from './principal.ts';

/** What a change was made to, in the audit log: `{ type: 'token', id }`, `{ type: 'response', id }`, … */
export interface AuditTarget {
  type: string;
  id: string;
}

/**
 * Records a change in the audit log of the request's team, as the request's principal. Routes get
 * it injected (`deps.audit`) instead of importing `audit/`: they say what changed, the wiring says
 * where it is written and what time it is.
 */
export type Audit = (c: Context<PrincipalEnv>, action: AuditAction, target?: AuditTarget, detail?: Record<string, unknown>) => Promise<void>;
