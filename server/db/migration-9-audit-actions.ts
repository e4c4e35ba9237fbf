// Not typed as Migration here: importing the type from migrations.ts, which lists this migration,
// would be an import cycle. MIGRATIONS checks its shape.

/**
 * `GET /v1/audit?action=…` reads one kind of change newest first: without this index it walks
 * every entry of the team (migration 7's `audit_log_team`) to find the few of that kind.
 */
export const AUDIT_ACTIONS_MIGRATION = {
  version: 9,
  name: 'audit log by action',
  statements: ['CREATE INDEX audit_log_team_action ON audit_log (team_id, action, at, id)'],
};
