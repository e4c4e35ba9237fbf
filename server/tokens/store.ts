import { randomUUID } from 'node:crypto';
import type { ApiToken } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { select, selectOne } from '../db/rows.ts';
import { hashSecret, newKey, sameHash } from '../sites/keys.ts';
import { apiToken, tokenRowSchema } from './token-row.ts';

/** How stale `last_used_at` may get: a token used all day costs one write a minute, not one a request. */
export const LAST_USED_EVERY_MS = 60_000;

/** What a request authenticated by a token acts as: the integrator turns it into a principal. */
export interface TokenIdentity {
  id: string;
  teamId: string;
  name: string;
  scope: ApiToken['scope'];
}

/** A team's API tokens (SPEC §9). The secret is returned once, at creation; only its SHA-256 hash is kept. */
export interface TokensStore {
  create(input: { teamId: string; name: string; scope: ApiToken['scope']; createdBy: string | null }): Promise<{ token: ApiToken; secret: string }>;
  /** Every token of the team, revoked ones too, newest first. */
  list(teamId: string): Promise<ApiToken[]>;
  /**
   * Revokes the token; revoking it again changes nothing (`alreadyRevoked`, the first time kept).
   * `undefined` when the team has no such token (another team's is not theirs to see).
   */
  revoke(teamId: string, id: string): Promise<{ token: ApiToken; alreadyRevoked: boolean } | undefined>;
  /** The unrevoked token with this secret, or `undefined`; notes when it was used (at most once a {@link LAST_USED_EVERY_MS}). */
  tokenBySecret(secret: string): Promise<TokenIdentity | undefined>;
}

/** The `api_tokens` table, on either engine. */
export function tokensStore(db: Driver, now: () => number = Date.now): TokensStore {
  const byId = (teamId: string, id: string) => selectOne(db, tokenRowSchema, 'api_tokens', 'SELECT * FROM api_tokens WHERE id = ? AND team_id = ?', [id, teamId]);

  return {
    async create({ teamId, name, scope, createdBy }) {
      // 32 random bytes: guessing is hopeless, so a fast hash is enough (no password-style stretching).
      const secret = newKey('sk');
      const id = randomUUID();
      await db.run('INSERT INTO api_tokens (id, team_id, name, scope, token_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        id,
        teamId,
        name,
        scope,
        hashSecret(secret),
        createdBy,
        now(),
      ]);
      const row = await byId(teamId, id);
      if (!row) throw new Error(`api token ${id} vanished after its insert`);
      return { token: apiToken(row.token), secret };
    },

    async list(teamId) {
      const rows = await select(db, tokenRowSchema, 'api_tokens', 'SELECT * FROM api_tokens WHERE team_id = ? ORDER BY created_at DESC, id DESC', [teamId]);
      return rows.map((row) => apiToken(row.token));
    },

    async revoke(teamId, id) {
      // Only the first revocation writes: two at once cannot both count, and the first time stays.
      const { changes } = await db.run('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND team_id = ? AND revoked_at IS NULL', [now(), id, teamId]);
      const row = await byId(teamId, id);
      return row && { token: apiToken(row.token), alreadyRevoked: changes === 0 };
    },

    async tokenBySecret(secret) {
      const hash = hashSecret(secret);
      const row = await selectOne(db, tokenRowSchema, 'api_tokens', 'SELECT * FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL', [hash]);
      if (!row || !sameHash(row.hash, hash)) return undefined;
      const at = now();
      if (row.lastUsedMs === null || at - row.lastUsedMs >= LAST_USED_EVERY_MS) {
        // The condition again in SQL: of several requests in the same minute, one writes.
        await db.run('UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)', [at, row.token.id, at - LAST_USED_EVERY_MS]);
      }
      const { id, teamId, name, scope } = row.token;
      return { id, teamId, name, scope };
    },
  };
}
