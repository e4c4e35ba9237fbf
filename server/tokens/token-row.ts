import * as z from 'zod/mini';
import { TOKEN_SCOPES, type ApiToken } from '../../sdk/index.ts';
import { int, nullableInt } from '../db/rows.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A token as the store hands it out: the API's view, with its team (never its hash). */
export type StoredToken = ApiToken & { teamId: string };

/** A row of `api_tokens` as both engines hand it back, with its hash apart. */
export const tokenRowSchema = z.pipe(
  z.object({
    id: z.string(),
    team_id: z.string(),
    name: z.string(),
    scope: z.enum(TOKEN_SCOPES),
    token_hash: z.string(),
    created_by: z.nullable(z.string()),
    created_at: int,
    last_used_at: nullableInt,
    revoked_at: nullableInt,
  }),
  z.transform((row) => ({
    hash: row.token_hash,
    lastUsedMs: row.last_used_at,
    token: {
      id: row.id,
      teamId: row.team_id,
      name: row.name,
      scope: row.scope,
      createdBy: row.created_by,
      createdAt: new Date(row.created_at).toISOString(),
      lastUsedAt: iso(row.last_used_at),
      revokedAt: iso(row.revoked_at),
    } satisfies StoredToken,
  })),
);

/** The API's view of a stored token: without its team, which the caller already knows. */
export const apiToken = ({ teamId: _team, ...token }: StoredToken): ApiToken => token;
