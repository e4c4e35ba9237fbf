import type { Driver } from './driver.ts';
import type { Migration } from './migration.ts';
export type { Migration } from './migration.ts';
import { ACCOUNTS_MIGRATION } from './migration-7-accounts.ts';
import { AUDIT_ACTIONS_MIGRATION } from './migration-9-audit-actions.ts';
import { WEBHOOKS_MIGRATION } from './migration-10-webhooks.ts';
import { MAIL_MIGRATION } from './migration-11-mail.ts';
import { CLOSE_THE_LOOP_MIGRATION } from './migration-15-close-the-loop.ts';
import { IMPRESSIONS_MIGRATION } from './migration-13-impressions.ts';
import { INBOX_MIGRATION } from './migration-12-inbox.ts';
import { VIEW_COUNTS_MIGRATION } from './migration-16-view-counts.ts';
import { STATS_COUNTS_MIGRATION } from './migration-17-stats-counts.ts';
import { DOCS_PER_MS, sqliteFoldSql } from './search-text.ts';


// Migration 6's pieces, shared by its two dialects or by its trigger and its backfill.
/** The list filters' indexes: each has received_at right after its filter, so a page is read newest first (migration 16 widens two). */
const FILTER_INDEXES = [
  'CREATE INDEX responses_site_segment ON responses (site_id, segment, received_at)',
  'CREATE INDEX responses_site_status ON responses (site_id, follow_up_status, received_at)',
  'CREATE INDEX responses_site_owner ON responses (site_id, follow_up_owner, received_at)',
  // Overdue: only open follow-ups, newest first, due date in the index so that the week of
  // not-yet-due ones is skipped without reading their rows (the query repeats this exact condition).
  "CREATE INDEX responses_site_open ON responses (site_id, received_at, due_at) WHERE follow_up_status IN ('new', 'contacted')",
];
const SQLITE_SEARCH_BODY = (row: string) => sqliteFoldSql(`COALESCE(${row}comment, '') || ' ' || COALESCE(${row}follow_up, '')`);
/** JSON text of this kind, or an empty one: json_each fails on text that is not JSON. */
const SQLITE_JSON = (column: string, kind: 'array' | 'object') =>
  `CASE WHEN json_valid(${column}) AND json_type(${column}) = '${kind}' THEN ${column} ELSE '${kind === 'array' ? '[]' : '{}'}' END`;
/** A trait's value as text, the way Postgres's jsonb prints it: true, false, 42, 1.5, or the string. */
const SQLITE_TRAIT_TEXT = (each: string) => `CASE ${each}.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(${each}.value AS TEXT) END`;
const PG_TRAIT_TEXT = (each: string) => `CASE jsonb_typeof(${each}.value) WHEN 'string' THEN ${each}.value #>> '{}' ELSE ${each}.value::text END`;
const SQLITE_DRIVERS_OF = (row: string) =>
  `INSERT OR IGNORE INTO response_drivers (site_id, driver, received_at, response_id)
     SELECT ${row}.site_id, d.value, ${row}.received_at, ${row}.id FROM json_each(${SQLITE_JSON(`${row}.drivers`, 'array')}) d WHERE d.type = 'text';`;
const SQLITE_TRAITS_OF = (row: string) =>
  `INSERT OR IGNORE INTO response_traits (site_id, key, value, received_at, response_id)
     SELECT ${row}.site_id, t.key, ${SQLITE_TRAIT_TEXT('t')}, ${row}.received_at, ${row}.id FROM json_each(${SQLITE_JSON(`${row}.user_traits`, 'object')}) t
     WHERE t.type IN ('text', 'integer', 'real', 'true', 'false');`;

// Types both engines read the same way: TEXT, INTEGER, BIGINT (epoch ms), 0/1 for booleans.
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'sites and responses',
    statements: [
      `CREATE TABLE sites (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        public_key TEXT NOT NULL UNIQUE,
        secret_hash TEXT NOT NULL UNIQUE,
        origins TEXT NOT NULL,
        created_at BIGINT NOT NULL
      )`,
      `CREATE TABLE responses (
        id TEXT PRIMARY KEY,
        site_id TEXT NOT NULL REFERENCES sites(id),
        survey_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        score INTEGER NOT NULL,
        segment TEXT NOT NULL,
        status TEXT NOT NULL,
        comment TEXT,
        follow_up TEXT,
        drivers TEXT,
        contact_consent INTEGER NOT NULL DEFAULT 0,
        contact_email TEXT,
        anonymous_id TEXT NOT NULL,
        user_id TEXT,
        user_email TEXT,
        user_name TEXT,
        user_traits TEXT,
        url TEXT NOT NULL,
        locale TEXT NOT NULL,
        test INTEGER NOT NULL DEFAULT 0,
        client_created_at TEXT NOT NULL,
        received_at BIGINT NOT NULL,
        received_day INTEGER NOT NULL,
        updated_at BIGINT NOT NULL,
        follow_up_status TEXT NOT NULL DEFAULT 'new',
        follow_up_owner TEXT
      )`,
      'CREATE INDEX responses_site_received ON responses (site_id, received_at)',
      'CREATE INDEX responses_site_user ON responses (site_id, user_id, received_at)',
      `CREATE TABLE follow_up_notes (
        id TEXT PRIMARY KEY,
        response_id TEXT NOT NULL REFERENCES responses(id),
        status TEXT NOT NULL,
        owner TEXT,
        note TEXT,
        created_at BIGINT NOT NULL
      )`,
      'CREATE INDEX follow_up_notes_response ON follow_up_notes (response_id, created_at)',
      `CREATE TABLE dismissals (
        site_id TEXT NOT NULL REFERENCES sites(id),
        user_id TEXT NOT NULL,
        dismissed_at BIGINT NOT NULL,
        PRIMARY KEY (site_id, user_id)
      )`,
    ],
  },
  {
    version: 2,
    name: 'daily counts for stats',
    // Kept by triggers in the same statement as each write, so the counts are exact under any
    // concurrency; stats then sum at most days × 11 rows instead of scanning every response.
    statements: {
      sqlite: [
        'CREATE TABLE response_counts (site_id TEXT NOT NULL, test INTEGER NOT NULL, day INTEGER NOT NULL, score INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (site_id, test, day, score))',
        `CREATE TRIGGER responses_count_insert AFTER INSERT ON responses BEGIN
           INSERT INTO response_counts (site_id, test, day, score, n) VALUES (NEW.site_id, NEW.test, NEW.received_day, NEW.score, 1)
           ON CONFLICT (site_id, test, day, score) DO UPDATE SET n = n + 1;
         END`,
        `CREATE TRIGGER responses_count_update AFTER UPDATE OF score ON responses WHEN OLD.score <> NEW.score BEGIN
           UPDATE response_counts SET n = n - 1 WHERE site_id = OLD.site_id AND test = OLD.test AND day = OLD.received_day AND score = OLD.score;
           INSERT INTO response_counts (site_id, test, day, score, n) VALUES (NEW.site_id, NEW.test, NEW.received_day, NEW.score, 1)
           ON CONFLICT (site_id, test, day, score) DO UPDATE SET n = n + 1;
         END`,
        `INSERT INTO response_counts (site_id, test, day, score, n) SELECT site_id, test, received_day, score, COUNT(*) FROM responses GROUP BY site_id, test, received_day, score`,
      ],
      postgres: [
        'CREATE TABLE response_counts (site_id TEXT NOT NULL, test INTEGER NOT NULL, day INTEGER NOT NULL, score INTEGER NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (site_id, test, day, score))',
        `CREATE FUNCTION onepoint_count_response() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF TG_OP = 'UPDATE' THEN
             IF OLD.score = NEW.score THEN RETURN NULL; END IF;
             UPDATE response_counts SET n = n - 1 WHERE site_id = OLD.site_id AND test = OLD.test AND day = OLD.received_day AND score = OLD.score;
           END IF;
           INSERT INTO response_counts (site_id, test, day, score, n) VALUES (NEW.site_id, NEW.test, NEW.received_day, NEW.score, 1)
           ON CONFLICT (site_id, test, day, score) DO UPDATE SET n = response_counts.n + 1;
           RETURN NULL;
         END $$`,
        'CREATE TRIGGER responses_count AFTER INSERT OR UPDATE OF score ON responses FOR EACH ROW EXECUTE FUNCTION onepoint_count_response()',
        `INSERT INTO response_counts (site_id, test, day, score, n) SELECT site_id, test, received_day, score, COUNT(*) FROM responses GROUP BY site_id, test, received_day, score`,
      ],
    },
  },
  {
    version: 3,
    name: 'follow-up due dates',
    // Due a week after it arrived (SPEC §10, the team SLA's default); "overdue" compares against it.
    statements: [
      'ALTER TABLE responses ADD COLUMN due_at BIGINT',
      `UPDATE responses SET due_at = received_at + ${7 * 86_400_000}`,
    ],
  },
  {
    version: 4,
    name: 'durable jobs',
    // The queue behind every side effect (server/jobs/). `run_at` is when a runner may take the
    // job: its due time while queued, its lease expiry while running, so one partial index serves
    // both "due" and "abandoned by a dead runner". One job per (kind, idempotency key).
    statements: [
      `CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        site_id TEXT REFERENCES sites(id),
        kind TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        payload TEXT NOT NULL,
        state TEXT NOT NULL,
        run_at BIGINT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        max_attempts INTEGER NOT NULL,
        lease_owner TEXT,
        lease_expires_at BIGINT,
        last_error TEXT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        UNIQUE (kind, idempotency_key)
      )`,
      "CREATE INDEX jobs_claim ON jobs (run_at) WHERE state IN ('queued', 'running')",
      // The admin list: by site, newest first, and the dead ones apart. Neither changes when a job
      // is claimed or completed, so the hot path pays for one index update, not three.
      'CREATE INDEX jobs_site_created ON jobs (site_id, created_at, id)',
      "CREATE INDEX jobs_site_dead ON jobs (site_id, created_at, id) WHERE state = 'dead'",
    ],
  },
  {
    version: 5,
    name: 'follow-up timeline',
    // Each follow-up change becomes one row per part (status, owner, due, note) with its author
    // and before/after values, ordered per response by `position`. Rows from before keep a NULL
    // kind: they are the state after each change, and the timeline is derived from them.
    // The same person's other responses are found by user id (indexed already) or anonymous id.
    statements: [
      'ALTER TABLE follow_up_notes ADD COLUMN kind TEXT',
      'ALTER TABLE follow_up_notes ADD COLUMN author TEXT',
      'ALTER TABLE follow_up_notes ADD COLUMN from_value TEXT',
      'ALTER TABLE follow_up_notes ADD COLUMN to_value TEXT',
      'ALTER TABLE follow_up_notes ADD COLUMN position INTEGER',
      'CREATE INDEX responses_site_anonymous ON responses (site_id, anonymous_id, received_at)',
    ],
  },
  {
    version: 6,
    name: 'full-text search and list filters',
    // Search: FTS5 on SQLite, tsvector + GIN over unaccent on Postgres (server/db/search-text.ts
    // says why words, not trigrams). Drivers and traits get side tables of (site, value,
    // received_at, response) so a filter on a rare one reads only its rows, newest first. All kept
    // in step by triggers, in the same transaction as every write; existing rows are indexed here.
    statements: {
      sqlite: [
        // FTS5 keys its rows by an integer; a rowid SQLite may renumber (VACUUM) cannot be it, so
        // every response gets a stable document number of its own, in order of arrival
        // (received_at × DOCS_PER_MS + rank within the ms): a search reads a window of time.
        'CREATE TABLE response_search (doc INTEGER PRIMARY KEY, response_id TEXT NOT NULL UNIQUE)',
        "CREATE VIRTUAL TABLE responses_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')",
        'CREATE TABLE response_drivers (site_id TEXT NOT NULL, driver TEXT NOT NULL, received_at BIGINT NOT NULL, response_id TEXT NOT NULL, PRIMARY KEY (site_id, driver, received_at, response_id)) WITHOUT ROWID',
        'CREATE INDEX response_drivers_response ON response_drivers (response_id)',
        'CREATE TABLE response_traits (site_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, received_at BIGINT NOT NULL, response_id TEXT NOT NULL, PRIMARY KEY (site_id, key, value, received_at, response_id)) WITHOUT ROWID',
        'CREATE INDEX response_traits_response ON response_traits (response_id)',
        ...FILTER_INDEXES,
        `CREATE TRIGGER responses_search_insert AFTER INSERT ON responses BEGIN
           INSERT INTO response_search (doc, response_id) VALUES (
             COALESCE((SELECT MAX(doc) + 1 FROM response_search WHERE doc >= NEW.received_at * ${DOCS_PER_MS} AND doc < (NEW.received_at + 1) * ${DOCS_PER_MS}), NEW.received_at * ${DOCS_PER_MS}),
             NEW.id);
           INSERT INTO responses_fts (rowid, body) SELECT doc, ${SQLITE_SEARCH_BODY('NEW.')} FROM response_search
             WHERE response_id = NEW.id AND (NEW.comment IS NOT NULL OR NEW.follow_up IS NOT NULL);
         END`,
        `CREATE TRIGGER responses_search_update AFTER UPDATE OF comment, follow_up ON responses
         WHEN OLD.comment IS NOT NEW.comment OR OLD.follow_up IS NOT NEW.follow_up BEGIN
           DELETE FROM responses_fts WHERE rowid = (SELECT doc FROM response_search WHERE response_id = OLD.id);
           INSERT INTO responses_fts (rowid, body) SELECT doc, ${SQLITE_SEARCH_BODY('NEW.')} FROM response_search
             WHERE response_id = NEW.id AND (NEW.comment IS NOT NULL OR NEW.follow_up IS NOT NULL);
         END`,
        `CREATE TRIGGER responses_drivers_insert AFTER INSERT ON responses BEGIN ${SQLITE_DRIVERS_OF('NEW')} END`,
        `CREATE TRIGGER responses_drivers_update AFTER UPDATE OF drivers ON responses WHEN OLD.drivers IS NOT NEW.drivers BEGIN
           DELETE FROM response_drivers WHERE response_id = OLD.id; ${SQLITE_DRIVERS_OF('NEW')}
         END`,
        `CREATE TRIGGER responses_traits_insert AFTER INSERT ON responses BEGIN ${SQLITE_TRAITS_OF('NEW')} END`,
        `CREATE TRIGGER responses_traits_update AFTER UPDATE OF user_traits ON responses WHEN OLD.user_traits IS NOT NEW.user_traits BEGIN
           DELETE FROM response_traits WHERE response_id = OLD.id; ${SQLITE_TRAITS_OF('NEW')}
         END`,
        `CREATE TRIGGER responses_index_delete AFTER DELETE ON responses BEGIN
           DELETE FROM responses_fts WHERE rowid = (SELECT doc FROM response_search WHERE response_id = OLD.id);
           DELETE FROM response_search WHERE response_id = OLD.id;
           DELETE FROM response_drivers WHERE response_id = OLD.id;
           DELETE FROM response_traits WHERE response_id = OLD.id;
         END`,
        `INSERT INTO response_search (doc, response_id)
           SELECT received_at * ${DOCS_PER_MS} + ROW_NUMBER() OVER (PARTITION BY received_at ORDER BY id) - 1, id FROM responses`,
        `INSERT INTO responses_fts (rowid, body) SELECT s.doc, ${SQLITE_SEARCH_BODY('r.')} FROM responses r JOIN response_search s ON s.response_id = r.id
           WHERE r.comment IS NOT NULL OR r.follow_up IS NOT NULL`,
        `INSERT OR IGNORE INTO response_drivers (site_id, driver, received_at, response_id)
           SELECT r.site_id, d.value, r.received_at, r.id FROM responses r, json_each(${SQLITE_JSON('r.drivers', 'array')}) d WHERE d.type = 'text'`,
        `INSERT OR IGNORE INTO response_traits (site_id, key, value, received_at, response_id)
           SELECT r.site_id, t.key, ${SQLITE_TRAIT_TEXT('t')}, r.received_at, r.id FROM responses r, json_each(${SQLITE_JSON('r.user_traits', 'object')}) t
           WHERE t.type IN ('text', 'integer', 'real', 'true', 'false')`,
        'ANALYZE',
      ],
      postgres: [
        // unaccent ships with Postgres (contrib) and is a trusted extension: the database's owner
        // may create it. Where the collector's user may not, say what to do instead of a stack.
        `DO $$ BEGIN
           CREATE EXTENSION IF NOT EXISTS unaccent;
         EXCEPTION WHEN insufficient_privilege THEN
           RAISE EXCEPTION 'search needs the unaccent extension: run "CREATE EXTENSION unaccent;" in this database as its owner, then start the collector again';
         END $$`,
        `CREATE FUNCTION onepoint_search_doc(comment TEXT, follow_up TEXT) RETURNS tsvector LANGUAGE sql STABLE AS
           $$ SELECT to_tsvector('simple', unaccent(COALESCE(comment, '') || ' ' || COALESCE(follow_up, ''))) $$`,
        // JSON the store wrote as text; a NUL escape, which jsonb refuses, must not fail the write.
        `CREATE FUNCTION onepoint_jsonb(value TEXT, kind TEXT) RETURNS jsonb LANGUAGE sql IMMUTABLE AS
           $$ SELECT CASE WHEN jsonb_typeof(j) = kind THEN j END FROM (SELECT replace(value, '\\u0000', '\\ufffd')::jsonb AS j) AS parsed $$`,
        'CREATE TABLE response_search (response_id TEXT PRIMARY KEY, site_id TEXT NOT NULL, received_at BIGINT NOT NULL, doc tsvector NOT NULL)',
        'CREATE INDEX response_search_doc ON response_search USING GIN (doc)',
        // A search reads a window of time: this index and the GIN one, ANDed.
        'CREATE INDEX response_search_site_received ON response_search (site_id, received_at)',
        'CREATE TABLE response_drivers (site_id TEXT NOT NULL, driver TEXT NOT NULL, received_at BIGINT NOT NULL, response_id TEXT NOT NULL, PRIMARY KEY (site_id, driver, received_at, response_id))',
        'CREATE INDEX response_drivers_response ON response_drivers (response_id)',
        'CREATE TABLE response_traits (site_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, received_at BIGINT NOT NULL, response_id TEXT NOT NULL, PRIMARY KEY (site_id, key, value, received_at, response_id))',
        'CREATE INDEX response_traits_response ON response_traits (response_id)',
        ...FILTER_INDEXES,
        `CREATE FUNCTION onepoint_index_response() RETURNS trigger LANGUAGE plpgsql AS $$
         DECLARE
           text_changed boolean := TG_OP <> 'UPDATE' OR OLD.comment IS DISTINCT FROM NEW.comment OR OLD.follow_up IS DISTINCT FROM NEW.follow_up;
           drivers_changed boolean := TG_OP <> 'UPDATE' OR OLD.drivers IS DISTINCT FROM NEW.drivers;
           traits_changed boolean := TG_OP <> 'UPDATE' OR OLD.user_traits IS DISTINCT FROM NEW.user_traits;
         BEGIN
           IF TG_OP <> 'INSERT' THEN
             IF text_changed THEN DELETE FROM response_search WHERE response_id = OLD.id; END IF;
             IF drivers_changed THEN DELETE FROM response_drivers WHERE response_id = OLD.id; END IF;
             IF traits_changed THEN DELETE FROM response_traits WHERE response_id = OLD.id; END IF;
           END IF;
           IF TG_OP = 'DELETE' THEN RETURN NULL; END IF;
           IF text_changed AND (NEW.comment IS NOT NULL OR NEW.follow_up IS NOT NULL) THEN
             INSERT INTO response_search (response_id, site_id, received_at, doc) VALUES (NEW.id, NEW.site_id, NEW.received_at, onepoint_search_doc(NEW.comment, NEW.follow_up));
           END IF;
           IF drivers_changed THEN
             INSERT INTO response_drivers (site_id, driver, received_at, response_id)
               SELECT NEW.site_id, d, NEW.received_at, NEW.id FROM jsonb_array_elements_text(onepoint_jsonb(NEW.drivers, 'array')) AS d
               ON CONFLICT DO NOTHING;
           END IF;
           IF traits_changed THEN
             INSERT INTO response_traits (site_id, key, value, received_at, response_id)
               SELECT NEW.site_id, t.key, ${PG_TRAIT_TEXT('t')}, NEW.received_at, NEW.id FROM jsonb_each(onepoint_jsonb(NEW.user_traits, 'object')) AS t
               WHERE jsonb_typeof(t.value) IN ('string', 'number', 'boolean')
               ON CONFLICT DO NOTHING;
           END IF;
           RETURN NULL;
         END $$`,
        'CREATE TRIGGER responses_index AFTER INSERT OR UPDATE OF comment, follow_up, drivers, user_traits OR DELETE ON responses FOR EACH ROW EXECUTE FUNCTION onepoint_index_response()',
        `INSERT INTO response_search (response_id, site_id, received_at, doc) SELECT id, site_id, received_at, onepoint_search_doc(comment, follow_up) FROM responses
           WHERE comment IS NOT NULL OR follow_up IS NOT NULL`,
        `INSERT INTO response_drivers (site_id, driver, received_at, response_id)
           SELECT r.site_id, d, r.received_at, r.id FROM responses r, jsonb_array_elements_text(onepoint_jsonb(r.drivers, 'array')) AS d ON CONFLICT DO NOTHING`,
        `INSERT INTO response_traits (site_id, key, value, received_at, response_id)
           SELECT r.site_id, t.key, ${PG_TRAIT_TEXT('t')}, r.received_at, r.id FROM responses r, jsonb_each(onepoint_jsonb(r.user_traits, 'object')) AS t
           WHERE jsonb_typeof(t.value) IN ('string', 'number', 'boolean') ON CONFLICT DO NOTHING`,
        'ANALYZE responses',
      ],
    },
  },
  ACCOUNTS_MIGRATION,
  AUDIT_ACTIONS_MIGRATION,
  WEBHOOKS_MIGRATION,
  MAIL_MIGRATION,
  INBOX_MIGRATION,
  IMPRESSIONS_MIGRATION,
  CLOSE_THE_LOOP_MIGRATION,
  VIEW_COUNTS_MIGRATION,
  STATS_COUNTS_MIGRATION,
];

/** Applies what is missing, under a lock so that two collectors starting together do not race. */
export async function migrate(driver: Driver, migrations: Migration[] = MIGRATIONS, now: () => number = Date.now): Promise<number[]> {
  return driver.exclusive(async (db) => {
    await db.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    const done = new Set((await db.all('SELECT version FROM schema_migrations')).map((row) => Number(row.version)));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await db.transaction(async (tx) => {
        const statements = Array.isArray(migration.statements) ? migration.statements : migration.statements[db.dialect];
        for (const statement of statements) await tx.run(statement);
        await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, now()]);
      });
      applied.push(migration.version);
    }
    return applied;
  });
}
