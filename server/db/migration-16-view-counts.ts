// Not typed as Migration here: importing the type from migrations.ts, which lists this migration,
// would be an import cycle. MIGRATIONS checks its shape.

/**
 * The inbox's saved views are counted on every visit ("Detractors to contact", "Overdue", …).
 * Their filters' indexes (migration 6) end at received_at, so a count read every matching row:
 * ~150 ms for the detractors still new, ~300 ms for what is overdue, at a million responses.
 * The same indexes with the columns those counts also test after received_at (status, due date,
 * test) answer them from the index alone, and still serve the list newest first: its order
 * reads the columns before them, which are unchanged.
 */
const WIDER = [
  'DROP INDEX responses_site_segment',
  'CREATE INDEX responses_site_segment ON responses (site_id, segment, received_at, follow_up_status, test)',
  'DROP INDEX responses_site_status',
  'CREATE INDEX responses_site_status ON responses (site_id, follow_up_status, received_at, due_at, test)',
];

export const VIEW_COUNTS_MIGRATION = {
  version: 16,
  name: 'saved view counts from the filter indexes',
  statements: {
    sqlite: [
      ...WIDER,
      // A dropped index takes its statistics with it. Among indexes that have theirs, SQLite takes
      // one without for very selective and reads the newest page through it: 0.2 ms became 780 ms
      // at a million responses. Postgres keeps its statistics per column, not per index.
      'ANALYZE responses_site_segment',
      'ANALYZE responses_site_status',
    ],
    postgres: WIDER,
  },
};
