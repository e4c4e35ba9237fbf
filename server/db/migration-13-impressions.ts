// Not typed as Migration here: importing the type from migrations.ts, which lists this migration,
// would be an import cycle. MIGRATIONS checks its shape.

/**
 * How often each survey was shown (`POST /v1/impressions`), per site, survey and UTC day: the
 * response rate's denominator. Anonymous counts only, one row per day, added to in place; the
 * stats sum at most days rows.
 */
export const IMPRESSIONS_MIGRATION = {
  version: 13,
  name: 'daily survey impressions',
  statements: [
    `CREATE TABLE impression_counts (
      site_id TEXT NOT NULL REFERENCES sites(id),
      survey_id TEXT NOT NULL,
      day INTEGER NOT NULL,
      n BIGINT NOT NULL,
      PRIMARY KEY (site_id, survey_id, day)
    )`,
    'CREATE INDEX impression_counts_site_day ON impression_counts (site_id, day)',
  ],
};
