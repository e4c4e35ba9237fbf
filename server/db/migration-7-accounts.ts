import type { Migration } from './migration.ts';

/**
 * Accounts (SPEC §9). The `auth_*` tables are better-auth's (users, credentials, sessions, single-use
 * links), kept under our migrations with our conventions: snake_case, epoch ms in BIGINT, 0/1 for
 * booleans (the adapter in `auth/` maps them). Teams own sites; a person is a member of teams with a
 * role. Every site that exists gets a team of its own, named after it, so nothing is orphaned and
 * its secret key keeps working. Free-text owners stay as labels; `follow_up_owner_id` is a member.
 */
export const ACCOUNTS_MIGRATION: Migration = {
  version: 7,
  name: 'teams, members, sessions, tokens, audit log',
  statements: [
    `CREATE TABLE auth_users (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      email TEXT NOT NULL UNIQUE,
      email_verified INTEGER NOT NULL DEFAULT 0,
      image TEXT,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL
    )`,
    `CREATE TABLE auth_sessions (
      id TEXT PRIMARY KEY,
      token TEXT NOT NULL UNIQUE,
      user_id TEXT NOT NULL REFERENCES auth_users(id) ON DELETE CASCADE,
      expires_at BIGINT NOT NULL,
      ip_address TEXT,
      user_agent TEXT,
      active_team_id TEXT,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL
    )`,
    'CREATE INDEX auth_sessions_user ON auth_sessions (user_id)',
    `CREATE TABLE auth_accounts (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL,
      provider_id TEXT NOT NULL,
      user_id TEXT NOT NULL REFERENCES auth_users(id) ON DELETE CASCADE,
      access_token TEXT,
      refresh_token TEXT,
      id_token TEXT,
      access_token_expires_at BIGINT,
      refresh_token_expires_at BIGINT,
      scope TEXT,
      password TEXT,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL
    )`,
    'CREATE INDEX auth_accounts_user ON auth_accounts (user_id)',
    `CREATE TABLE auth_verifications (
      id TEXT PRIMARY KEY,
      identifier TEXT NOT NULL,
      value TEXT NOT NULL,
      expires_at BIGINT NOT NULL,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL
    )`,
    'CREATE INDEX auth_verifications_identifier ON auth_verifications (identifier)',
    `CREATE TABLE teams (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      sla_days INTEGER NOT NULL DEFAULT 7,
      created_at BIGINT NOT NULL
    )`,
    `CREATE TABLE members (
      team_id TEXT NOT NULL REFERENCES teams(id),
      user_id TEXT NOT NULL REFERENCES auth_users(id) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
      created_at BIGINT NOT NULL,
      PRIMARY KEY (team_id, user_id)
    )`,
    'CREATE INDEX members_user ON members (user_id)',
    `CREATE TABLE invitations (
      id TEXT PRIMARY KEY,
      team_id TEXT NOT NULL REFERENCES teams(id),
      email TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
      invited_by TEXT,
      created_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL,
      accepted_at BIGINT,
      revoked_at BIGINT
    )`,
    'CREATE INDEX invitations_team ON invitations (team_id, created_at)',
    'ALTER TABLE sites ADD COLUMN team_id TEXT REFERENCES teams(id)',
    "INSERT INTO teams (id, name, sla_days, created_at) SELECT 'team_' || id, name, 7, created_at FROM sites",
    "UPDATE sites SET team_id = 'team_' || id",
    'CREATE INDEX sites_team ON sites (team_id)',
    `CREATE TABLE api_tokens (
      id TEXT PRIMARY KEY,
      team_id TEXT NOT NULL REFERENCES teams(id),
      name TEXT NOT NULL,
      scope TEXT NOT NULL CHECK (scope IN ('read', 'write')),
      token_hash TEXT NOT NULL UNIQUE,
      created_by TEXT,
      created_at BIGINT NOT NULL,
      last_used_at BIGINT,
      revoked_at BIGINT
    )`,
    'CREATE INDEX api_tokens_team ON api_tokens (team_id, created_at)',
    `CREATE TABLE audit_log (
      id TEXT PRIMARY KEY,
      team_id TEXT NOT NULL,
      at BIGINT NOT NULL,
      actor_type TEXT NOT NULL,
      actor_id TEXT,
      actor_name TEXT NOT NULL,
      action TEXT NOT NULL,
      target_type TEXT,
      target_id TEXT,
      detail TEXT NOT NULL
    )`,
    'CREATE INDEX audit_log_team ON audit_log (team_id, at, id)',
    'ALTER TABLE responses ADD COLUMN follow_up_owner_id TEXT',
    'CREATE INDEX responses_site_owner_id ON responses (site_id, follow_up_owner_id, received_at)',
    'ALTER TABLE follow_up_notes ADD COLUMN author_type TEXT',
    'ALTER TABLE follow_up_notes ADD COLUMN author_id TEXT',
    // What every collector on this database must share: the key that signs session cookies.
    'CREATE TABLE collector_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
  ],
};
