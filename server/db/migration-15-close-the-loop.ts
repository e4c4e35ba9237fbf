// Not typed as Migration here: importing the type from migrations.ts, which lists this migration,
// would be an import cycle. MIGRATIONS checks its shape.

/**
 * Closing the loop and privacy (SPEC §12–§13). A team's `changes` link the responses that asked for
 * them (`change_responses`); publishing one queues a `notices` row per identified respondent, shown
 * once by the widget. Sites get a retention period: responses older than `retention_days` are
 * anonymised (`anonymised_at` says they were, so the daily sweep skips them) or deleted.
 */
const COMMON = [
    `CREATE TABLE changes (
      id TEXT PRIMARY KEY,
      team_id TEXT NOT NULL REFERENCES teams(id),
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      published_at BIGINT
    )`,
    'CREATE INDEX changes_team ON changes (team_id, created_at, id)',
    `CREATE TABLE change_responses (
      change_id TEXT NOT NULL REFERENCES changes(id),
      response_id TEXT NOT NULL,
      linked_at BIGINT NOT NULL,
      PRIMARY KEY (change_id, response_id)
    )`,
    'CREATE INDEX change_responses_response ON change_responses (response_id)',
    `CREATE TABLE notices (
      id TEXT PRIMARY KEY,
      change_id TEXT NOT NULL REFERENCES changes(id),
      site_id TEXT NOT NULL REFERENCES sites(id),
      user_id TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      seen_at BIGINT,
      UNIQUE (change_id, site_id, user_id)
    )`,
    // The eligibility answer reads a user's unseen notices on every identified page view.
    'CREATE INDEX notices_pending ON notices (site_id, user_id) WHERE seen_at IS NULL',
    'ALTER TABLE sites ADD COLUMN retention_days INTEGER',
    "ALTER TABLE sites ADD COLUMN retention_mode TEXT NOT NULL DEFAULT 'anonymise'",
    // Where the last sweep stopped: the next reads only what has aged past it since, not every
    // anonymised response again (responses arrive at "now", so nothing lands behind it).
    'ALTER TABLE sites ADD COLUMN retention_swept_before BIGINT',
    'ALTER TABLE responses ADD COLUMN anonymised_at BIGINT',
];

// Until now responses were never deleted, so the stats' daily counts (migration 2) only grew. An
// erased or expired response must leave the counts too, in the same statement as its delete.
const UNCOUNT = 'UPDATE response_counts SET n = n - 1 WHERE site_id = OLD.site_id AND test = OLD.test AND day = OLD.received_day AND score = OLD.score';

export const CLOSE_THE_LOOP_MIGRATION = {
  version: 15,
  name: 'changes, notices, retention',
  statements: {
    sqlite: [...COMMON, `CREATE TRIGGER responses_count_delete AFTER DELETE ON responses BEGIN ${UNCOUNT}; END`],
    postgres: [
      ...COMMON,
      `CREATE FUNCTION onepoint_uncount_response() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         ${UNCOUNT};
         RETURN NULL;
       END $$`,
      'CREATE TRIGGER responses_uncount AFTER DELETE ON responses FOR EACH ROW EXECUTE FUNCTION onepoint_uncount_response()',
    ],
  },
};
