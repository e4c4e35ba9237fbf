// Not typed as Migration here: importing the type from migrations.ts, which lists this migration,
// would be an import cycle. MIGRATIONS checks its shape.

/**
 * Webhooks (SPEC §11): a team's endpoints, and one delivery per (webhook, event) whose id is the
 * `webhook-id` every attempt sends. `event_key` is the event's own key (its job's), unique per
 * webhook, so a fan-out that runs twice adds nothing. `secret` is kept as is: signing needs it;
 * after a rotation the previous one signs too, until `previous_secret_until`.
 */
export const WEBHOOKS_MIGRATION = {
  version: 10,
  name: 'webhooks and their deliveries',
  statements: [
    `CREATE TABLE webhooks (
      id TEXT PRIMARY KEY,
      team_id TEXT NOT NULL REFERENCES teams(id),
      url TEXT NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('json', 'slack')),
      events TEXT NOT NULL,
      segments TEXT,
      advocacy INTEGER NOT NULL DEFAULT 0,
      secret TEXT NOT NULL,
      previous_secret TEXT,
      previous_secret_until BIGINT,
      created_by TEXT,
      created_at BIGINT NOT NULL,
      disabled_at BIGINT,
      disabled_reason TEXT
    )`,
    // The fan-out reads a team's enabled webhooks; the list reads all of them, newest first.
    'CREATE INDEX webhooks_team ON webhooks (team_id, created_at, id)',
    `CREATE TABLE webhook_deliveries (
      id TEXT PRIMARY KEY,
      webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
      event_key TEXT NOT NULL,
      event_type TEXT NOT NULL,
      payload TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed', 'dropped')),
      attempts INTEGER NOT NULL DEFAULT 0,
      last_status INTEGER,
      last_latency_ms INTEGER,
      last_excerpt TEXT,
      created_at BIGINT NOT NULL,
      delivered_at BIGINT,
      UNIQUE (webhook_id, event_key)
    )`,
    // The delivery log: one webhook's newest first.
    'CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, created_at, id)',
  ],
};
