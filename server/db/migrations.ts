import type { Dialect, Driver } from './driver.ts';

/** One step of the schema. Applied in order, once, each in its own transaction. */
export interface Migration {
  version: number;
  name: string;
  /** The same for both engines, or per dialect where their syntax parts (triggers). */
  statements: string[] | Record<Dialect, string[]>;
}

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
];

/** Applies what is missing, under a lock so that two collectors starting together do not race. */
export async function migrate(driver: Driver, migrations: Migration[] = MIGRATIONS, now: () => number = Date.now): Promise<number[]> {
  return driver.exclusive(async (db) => {
    await db.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    const done = new Set((await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => Number(row.version)));
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
