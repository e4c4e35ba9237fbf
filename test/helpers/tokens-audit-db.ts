import { Hono } from 'hono';
import { auditRoutes, auditStore, requestAudit } from '../../server/audit/index.ts';
import type { Driver } from '../../server/db/driver.ts';
import { openDatabase } from '../../server/db/open.ts';
import type { AppEnv } from '../../server/http/context.ts';
import type { Principal } from '../../server/http/principal.ts';
import { tokenRoutes, tokensStore } from '../../server/tokens/index.ts';
import { freshDatabase, type Engine } from './collector.ts';
import { fixedPrincipal } from './fixed-principal.ts';

/** A migrated database of one engine with two teams, the token and audit routes over it, and a clock the test moves. */
export interface TokensAuditDb {
  db: Driver;
  /** `db`, noting each write in {@link writes}: what the routes' stores run on. */
  counted: Driver;
  app: Hono<AppEnv>;
  clock: { now: number };
  /** Who the next request acts as (`undefined`: nobody signed in). */
  as: { principal: Principal | undefined };
  /** Every statement the stores ran through `run` (writes), in order. */
  writes: string[];
  dispose(): Promise<void>;
}

export const TEAMS = ['team-a', 'team-b'] as const;

/** Opens `engine`, creates {@link TEAMS}, mounts `tokenRoutes` and `auditRoutes` on a bare Hono app. */
export async function openTokensAuditDb(engine: Engine): Promise<TokensAuditDb> {
  const database = await freshDatabase(engine);
  const db = await openDatabase(database.url);
  const clock = { now: Date.UTC(2026, 0, 1) };
  for (const id of TEAMS) await db.run('INSERT INTO teams (id, name, sla_days, created_at) VALUES (?, ?, 7, ?)', [id, id, clock.now]);
  const writes: string[] = [];
  const counted: Driver = {
    dialect: db.dialect,
    all: (sql, params) => db.all(sql, params),
    run: (sql, params) => (writes.push(sql), db.run(sql, params)),
    transaction: (work) => db.transaction(work),
    exclusive: (work) => db.exclusive(work),
    close: () => db.close(),
  };
  const now = () => clock.now;
  const as: TokensAuditDb['as'] = { principal: undefined };
  const authorize = fixedPrincipal(() => as.principal);
  const app = new Hono<AppEnv>();
  tokenRoutes(app, { tokens: tokensStore(counted, now), authorize, audit: requestAudit(counted, now) });
  auditRoutes(app, { auditLog: auditStore(counted), authorize });
  return {
    db,
    counted,
    app,
    clock,
    as,
    writes,
    async dispose() {
      await db.close();
      await database.drop();
    },
  };
}
