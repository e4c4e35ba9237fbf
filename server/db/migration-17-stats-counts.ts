// Not typed as Migration here: importing the type from migrations.ts, which lists this migration,
// would be an import cycle. MIGRATIONS checks its shape.

/** JSON array text, or an empty one (json_each fails on text that is not JSON): as migration 6 reads drivers. */
const SQLITE_JSON_ARRAY = (column: string) => `CASE WHEN json_valid(${column}) AND json_type(${column}) = 'array' THEN ${column} ELSE '[]' END`;
/** A response's drivers as migration 6 puts them in `response_drivers`: text elements, each once. */
const SQLITE_DRIVERS = (row: string) => `SELECT DISTINCT d.value AS driver FROM json_each(${SQLITE_JSON_ARRAY(`${row}.drivers`)}) d WHERE d.type = 'text'`;
const PG_DRIVERS = (row: string) => `SELECT DISTINCT d AS driver FROM jsonb_array_elements_text(onepoint_jsonb(${row}.drivers, 'array')) AS d`;

const DRIVER_KEY = 'site_id, test, day, segment, driver';
// In order of the driver: two responses ticking the same ones lock their count rows in the same order (Postgres).
const driverAdd = (row: string, drivers: string) =>
  `INSERT INTO response_driver_counts (${DRIVER_KEY}, n) SELECT ${row}.site_id, ${row}.test, ${row}.received_day, ${row}.segment, drivers.driver, 1
     FROM (${drivers}) AS drivers WHERE true ORDER BY drivers.driver
   ON CONFLICT (${DRIVER_KEY}) DO UPDATE SET n = response_driver_counts.n + 1`;
const driverRemove = (row: string, drivers: string) =>
  `UPDATE response_driver_counts SET n = n - 1
   WHERE site_id = ${row}.site_id AND test = ${row}.test AND day = ${row}.received_day AND segment = ${row}.segment AND driver IN (${drivers})`;
/** What makes a response's driver counts move: the drivers themselves, or where they are counted. */
const DRIVER_COLUMNS = 'drivers, segment, test, received_day, site_id';

/** 1 when the row was contacted (within the SLA), else 0: the two things follow-up health counts per day. */
const CONTACTED = (row: string) => `(CASE WHEN ${row}.first_contact_at IS NOT NULL THEN 1 ELSE 0 END)`;
const IN_SLA = (row: string) => `(CASE WHEN ${row}.first_contact_at < COALESCE(${row}.due_at, ${row}.received_at) THEN 1 ELSE 0 END)`;
const contactAdd = (row: string) =>
  `INSERT INTO response_contact_counts (site_id, test, day, contacted, in_sla) VALUES (${row}.site_id, ${row}.test, ${row}.received_day, ${CONTACTED(row)}, ${IN_SLA(row)})
   ON CONFLICT (site_id, test, day) DO UPDATE SET contacted = response_contact_counts.contacted + excluded.contacted, in_sla = response_contact_counts.in_sla + excluded.in_sla`;
const contactRemove = (row: string) =>
  `UPDATE response_contact_counts SET contacted = contacted - ${CONTACTED(row)}, in_sla = in_sla - ${IN_SLA(row)}
   WHERE site_id = ${row}.site_id AND test = ${row}.test AND day = ${row}.received_day`;
const CONTACT_COLUMNS = 'first_contact_at, due_at, received_at, received_day, test, site_id';

/** The first `status` row's time, recomputed (after a delete or an edit of the timeline). */
const FIRST_CONTACT = "(SELECT MIN(n.created_at) FROM follow_up_notes n WHERE n.response_id = responses.id AND n.kind = 'status')";

const TABLES = [
  'ALTER TABLE responses ADD COLUMN first_contact_at BIGINT',
  `UPDATE responses SET first_contact_at = firsts.at
   FROM (SELECT response_id, MIN(created_at) AS at FROM follow_up_notes WHERE kind = 'status' GROUP BY response_id) AS firsts
   WHERE firsts.response_id = responses.id`,
  `CREATE TABLE response_driver_counts (site_id TEXT NOT NULL, test INTEGER NOT NULL, day INTEGER NOT NULL, segment TEXT NOT NULL, driver TEXT NOT NULL, n BIGINT NOT NULL,
     PRIMARY KEY (${DRIVER_KEY}))`,
  `INSERT INTO response_driver_counts (${DRIVER_KEY}, n)
   SELECT r.site_id, r.test, r.received_day, r.segment, d.driver, COUNT(*) FROM response_drivers d JOIN responses r ON r.id = d.response_id
   GROUP BY r.site_id, r.test, r.received_day, r.segment, d.driver`,
  'CREATE TABLE response_contact_counts (site_id TEXT NOT NULL, test INTEGER NOT NULL, day INTEGER NOT NULL, contacted BIGINT NOT NULL, in_sla BIGINT NOT NULL, PRIMARY KEY (site_id, test, day))',
  `INSERT INTO response_contact_counts (site_id, test, day, contacted, in_sla)
   SELECT r.site_id, r.test, r.received_day, SUM(${CONTACTED('r')}), SUM(${IN_SLA('r')}) FROM responses r WHERE r.first_contact_at IS NOT NULL
   GROUP BY r.site_id, r.test, r.received_day`,
  // The median reads the contacted responses in order of their wait, the middle one or two. The
  // wait's own columns too: Postgres answers from an index alone only when it holds them.
  'CREATE INDEX responses_site_wait ON responses (site_id, (first_contact_at - received_at), test, received_at, first_contact_at) WHERE first_contact_at IS NOT NULL',
  // Not yet settled (no contact, not yet due): the few due from now on, read in place of every other.
  'CREATE INDEX responses_site_unsettled ON responses (site_id, (COALESCE(due_at, received_at)), test, received_at) WHERE first_contact_at IS NULL',
  // Overdue per owner without reading the rows: the open follow-ups only, already in groups of
  // an owner, with all the query reads (the status too, or SQLite reads the rows for it).
  `CREATE INDEX responses_site_open_owner ON responses (site_id, follow_up_owner_id, follow_up_owner, due_at, test, received_at, follow_up_status)
   WHERE follow_up_status IN ('new', 'contacted')`,
];

/**
 * The dashboard's stats at a million responses (SPEC §10), as migration 2 made the counts cheap:
 * daily tables kept by triggers in the same statement as every write, so a dashboard without a
 * survey or trait filter sums at most days × keys rows instead of reading every response.
 *
 * - `response_driver_counts`: per site, test flag, day, segment and driver, how many responses
 *   ticked it; what `response_drivers` joined with `responses` gives. Each driver counts once per
 *   response, as there (its primary key holds a driver once per response).
 * - `responses.first_contact_at`: when the response's follow-up first changed status (the
 *   timeline's first `status` row), kept by triggers on `follow_up_notes`; follow-up health reads
 *   it instead of looking up each response's notes.
 * - `response_contact_counts`: per site, test flag and day, how many responses were contacted and
 *   how many of them before they were due.
 * - Indexes for what depends on "now": the median's order, the responses not yet settled by due
 *   date, and the open follow-ups per owner.
 */
export const STATS_COUNTS_MIGRATION = {
  version: 17,
  name: 'daily driver and contact counts for stats',
  statements: {
    sqlite: [
      ...TABLES,
      `CREATE TRIGGER responses_driver_counts_insert AFTER INSERT ON responses WHEN NEW.drivers IS NOT NULL BEGIN
         ${driverAdd('NEW', SQLITE_DRIVERS('NEW'))};
       END`,
      `CREATE TRIGGER responses_driver_counts_update AFTER UPDATE OF ${DRIVER_COLUMNS} ON responses
       WHEN OLD.drivers IS NOT NEW.drivers OR OLD.segment IS NOT NEW.segment OR OLD.test IS NOT NEW.test OR OLD.received_day IS NOT NEW.received_day OR OLD.site_id IS NOT NEW.site_id BEGIN
         ${driverRemove('OLD', SQLITE_DRIVERS('OLD'))};
         ${driverAdd('NEW', SQLITE_DRIVERS('NEW'))};
       END`,
      `CREATE TRIGGER responses_driver_counts_delete AFTER DELETE ON responses WHEN OLD.drivers IS NOT NULL BEGIN
         ${driverRemove('OLD', SQLITE_DRIVERS('OLD'))};
       END`,
      `CREATE TRIGGER responses_contact_counts_insert AFTER INSERT ON responses WHEN NEW.first_contact_at IS NOT NULL BEGIN ${contactAdd('NEW')}; END`,
      `CREATE TRIGGER responses_contact_counts_update AFTER UPDATE OF ${CONTACT_COLUMNS} ON responses
       WHEN (OLD.first_contact_at IS NOT NULL OR NEW.first_contact_at IS NOT NULL) AND (OLD.first_contact_at IS NOT NEW.first_contact_at OR OLD.due_at IS NOT NEW.due_at
         OR OLD.received_at IS NOT NEW.received_at OR OLD.received_day IS NOT NEW.received_day OR OLD.test IS NOT NEW.test OR OLD.site_id IS NOT NEW.site_id) BEGIN
         ${contactRemove('OLD')};
         ${contactAdd('NEW')};
       END`,
      `CREATE TRIGGER responses_contact_counts_delete AFTER DELETE ON responses WHEN OLD.first_contact_at IS NOT NULL BEGIN ${contactRemove('OLD')}; END`,
      `CREATE TRIGGER follow_up_notes_first_contact_insert AFTER INSERT ON follow_up_notes WHEN NEW.kind = 'status' BEGIN
         UPDATE responses SET first_contact_at = NEW.created_at WHERE id = NEW.response_id AND (first_contact_at IS NULL OR first_contact_at > NEW.created_at);
       END`,
      `CREATE TRIGGER follow_up_notes_first_contact_delete AFTER DELETE ON follow_up_notes WHEN OLD.kind = 'status' BEGIN
         UPDATE responses SET first_contact_at = ${FIRST_CONTACT} WHERE id = OLD.response_id;
       END`,
      `CREATE TRIGGER follow_up_notes_first_contact_update AFTER UPDATE OF kind, created_at, response_id ON follow_up_notes WHEN OLD.kind = 'status' OR NEW.kind = 'status' BEGIN
         UPDATE responses SET first_contact_at = ${FIRST_CONTACT} WHERE id IN (OLD.response_id, NEW.response_id);
       END`,
      'ANALYZE',
    ],
    postgres: [
      ...TABLES,
      `CREATE FUNCTION onepoint_count_drivers() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'UPDATE' AND OLD.drivers IS NOT DISTINCT FROM NEW.drivers AND OLD.segment = NEW.segment AND OLD.test = NEW.test
           AND OLD.received_day = NEW.received_day AND OLD.site_id = NEW.site_id THEN RETURN NULL; END IF;
         IF TG_OP <> 'INSERT' THEN ${driverRemove('OLD', PG_DRIVERS('OLD'))}; END IF;
         IF TG_OP <> 'DELETE' THEN ${driverAdd('NEW', PG_DRIVERS('NEW'))}; END IF;
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER responses_driver_counts AFTER INSERT OR UPDATE OF ${DRIVER_COLUMNS} OR DELETE ON responses FOR EACH ROW EXECUTE FUNCTION onepoint_count_drivers()`,
      `CREATE FUNCTION onepoint_count_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'UPDATE' AND OLD.first_contact_at IS NOT DISTINCT FROM NEW.first_contact_at AND OLD.due_at IS NOT DISTINCT FROM NEW.due_at
           AND OLD.received_at = NEW.received_at AND OLD.received_day = NEW.received_day AND OLD.test = NEW.test AND OLD.site_id = NEW.site_id THEN RETURN NULL; END IF;
         IF TG_OP <> 'INSERT' AND OLD.first_contact_at IS NOT NULL THEN ${contactRemove('OLD')}; END IF;
         IF TG_OP <> 'DELETE' AND NEW.first_contact_at IS NOT NULL THEN ${contactAdd('NEW')}; END IF;
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER responses_contact_counts AFTER INSERT OR UPDATE OF ${CONTACT_COLUMNS} OR DELETE ON responses FOR EACH ROW EXECUTE FUNCTION onepoint_count_contacts()`,
      `CREATE FUNCTION onepoint_first_contact() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'INSERT' THEN
           IF NEW.kind = 'status' THEN
             UPDATE responses SET first_contact_at = NEW.created_at WHERE id = NEW.response_id AND (first_contact_at IS NULL OR first_contact_at > NEW.created_at);
           END IF;
         ELSIF TG_OP = 'DELETE' THEN
           IF OLD.kind = 'status' THEN UPDATE responses SET first_contact_at = ${FIRST_CONTACT} WHERE id = OLD.response_id; END IF;
         ELSIF OLD.kind IS NOT DISTINCT FROM 'status' OR NEW.kind IS NOT DISTINCT FROM 'status' THEN
           UPDATE responses SET first_contact_at = ${FIRST_CONTACT} WHERE id IN (OLD.response_id, NEW.response_id);
         END IF;
         RETURN NULL;
       END $$`,
      'CREATE TRIGGER follow_up_notes_first_contact AFTER INSERT OR UPDATE OF kind, created_at, response_id OR DELETE ON follow_up_notes FOR EACH ROW EXECUTE FUNCTION onepoint_first_contact()',
      'ANALYZE responses',
    ],
  },
};
