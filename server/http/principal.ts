import type { MiddlewareHandler } from 'hono';
import type { Actor, Role } from '../../sdk/index.ts';
import type { AppEnv } from './context.ts';

/**
 * Who an admin request acts as, resolved once per request (a session cookie, an API token or a v1
 * site key) and read by every admin route: its team, its role there, the sites it may read, and
 * the actor its changes are recorded under.
 */
export interface Principal {
  teamId: string;
  role: Role;
  /** The sites whose responses this principal reads: the team's, or a v1 site key's own one. */
  siteIds: readonly string[];
  actor: Actor;
  /** The signed-in person's user id (`owner=me`); `null` for tokens and site keys. */
  userId: string | null;
  via: 'session' | 'token' | 'site-key';
  /** The session's id, for switching its team; absent for tokens and site keys. */
  sessionId?: string;
}

export type PrincipalEnv = AppEnv & { Variables: AppEnv['Variables'] & { principal: Principal } };

/** The guard every admin route takes: 401 without a principal, 403 below `least`. */
export type Authorize = (least: Role) => MiddlewareHandler<PrincipalEnv>;

const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2 };

/** Whether `role` may do what `least` may. @example allows('member', 'viewer') // true */
export function allows(role: Role, least: Role): boolean {
  return RANK[role] >= RANK[least];
}
