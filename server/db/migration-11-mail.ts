// Not typed as Migration here: importing the type from migrations.ts, which lists this migration,
// would be an import cycle. MIGRATIONS checks its shape.

/**
 * Mail (SPEC §11). Every message is a row of `mail_outbox` before any job sends it, so a mail that
 * cannot go (no SMTP server, a refused address) is still there to read, with why: `queued` until
 * its job runs, then `sent`, `kept` (no SMTP_URL) or `failed`. `dedupe_key` makes a daily job that
 * runs twice queue each digest once. Preferences are rows only once someone changes theirs: without
 * one, admins and members get everything and viewers nothing. `teams.alert_emails` is a JSON list
 * of addresses for new-detractor alerts; NULL means the team's admins.
 */
export const MAIL_MIGRATION = {
  version: 11,
  name: 'mail outbox, preferences, alert recipients',
  statements: [
    `CREATE TABLE mail_outbox (
      id TEXT PRIMARY KEY,
      team_id TEXT NOT NULL REFERENCES teams(id),
      kind TEXT NOT NULL,
      to_address TEXT NOT NULL,
      reply_to TEXT,
      subject TEXT NOT NULL,
      text_body TEXT NOT NULL,
      html_body TEXT NOT NULL,
      response_id TEXT,
      dedupe_key TEXT UNIQUE,
      state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'kept', 'failed')),
      error TEXT,
      created_at BIGINT NOT NULL,
      sent_at BIGINT
    )`,
    'CREATE INDEX mail_outbox_team ON mail_outbox (team_id, created_at, id)',
    // Erasing a person (SPEC §13) removes their queued mail: found by response.
    'CREATE INDEX mail_outbox_response ON mail_outbox (response_id)',
    `CREATE TABLE mail_preferences (
      team_id TEXT NOT NULL REFERENCES teams(id),
      user_id TEXT NOT NULL,
      new_detractor INTEGER NOT NULL,
      digest INTEGER NOT NULL,
      reminders INTEGER NOT NULL,
      updated_at BIGINT NOT NULL,
      PRIMARY KEY (team_id, user_id)
    )`,
    'ALTER TABLE teams ADD COLUMN alert_emails TEXT',
  ],
};
