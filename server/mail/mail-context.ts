import type { Driver } from '../db/driver.ts';

/** What mail's jobs share: the database, where links point (`PUBLIC_URL`), and the clock. */
export interface MailContext {
  db: Driver;
  /** Read when a mail is written (a collector on port 0 knows its URL only once it listens). */
  publicUrl: () => string;
  now: () => number;
}
