/** The database answers reads but refuses writes (a Postgres standby or read-only session). */
export class DatabaseReadOnlyError extends Error {
  override readonly name = 'DatabaseReadOnlyError' as const;
}
