import type { Driver } from './driver.ts';

/** One step of the schema. Applied in order, once, each in its own transaction. */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
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
        updated_at BIGINT NOT NULL,
        follow_up_status TEXT NOT NULL DEFAULT 'new',
        follow_up_owner TEXT
      )`,
      'CREATE INDEX responses_site_received ON responses (site_id, received_at, score, test)',
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
        for (const statement of migration.statements) await tx.run(statement);
        await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, now()]);
      });
      applied.push(migration.version);
    }
    return applied;
  });
}
