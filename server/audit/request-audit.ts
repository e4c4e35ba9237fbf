import type { Driver } from '../db/driver.ts';
import type { Audit } from '../http/audit.ts';
import { recordAudit } from './record.ts';

/**
 * The `audit(c, action, target?, detail?)` routes are handed: records the change under the
 * request's principal (its team, its actor) at `now()`. Wired once, in app.ts.
 * @example tokenRoutes(app, { tokens, authorize, audit: requestAudit(db, now) })
 */
export function requestAudit(db: Driver, now: () => number = Date.now): Audit {
  return async (c, action, target, detail) => {
    const { teamId, actor } = c.get('principal');
    await recordAudit(db, { teamId, actor, action, ...(target ? { target } : {}), ...(detail ? { detail } : {}) }, now());
  };
}
