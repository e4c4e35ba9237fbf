// Not typed as Migration here: importing the type from migrations.ts, which lists this migration,
// would be an import cycle. MIGRATIONS checks its shape.

/**
 * The inbox's team settings: saved views (a name and a list query, as its query-string
 * parameters in JSON) and the playbook each segment follows (its steps in JSON). A segment
 * without a row follows the shipped defaults, so teams get improved defaults until they edit.
 * Two indexes serve the list's other orders (sort=score, sort=due) a site at a time, as
 * responses_site_received serves newest first: a page reads its rows, not every match.
 */
export const INBOX_MIGRATION = {
  version: 12,
  name: 'saved views and playbooks',
  statements: [
    'CREATE INDEX responses_site_score ON responses (site_id, score, received_at DESC, id DESC)',
    'CREATE INDEX responses_site_due ON responses (site_id, (COALESCE(due_at, received_at)), id)',
    `CREATE TABLE saved_views (
      id TEXT PRIMARY KEY,
      team_id TEXT NOT NULL REFERENCES teams(id),
      name TEXT NOT NULL,
      query TEXT NOT NULL,
      created_by TEXT,
      created_at BIGINT NOT NULL
    )`,
    'CREATE INDEX saved_views_team ON saved_views (team_id, created_at, id)',
    `CREATE TABLE playbooks (
      team_id TEXT NOT NULL REFERENCES teams(id),
      segment TEXT NOT NULL,
      steps TEXT NOT NULL,
      updated_by TEXT,
      updated_at BIGINT NOT NULL,
      PRIMARY KEY (team_id, segment)
    )`,
  ],
};
