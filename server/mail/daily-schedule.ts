import type { Driver } from '../db/driver.ts';
import { enqueue } from '../jobs/index.ts';

/** The job kind of the daily digest and reminders. */
export const MAIL_DAILY_JOB = 'mail.daily';

/** The UTC hour the daily mail goes out. @default 8 */
export const DAILY_HOUR_UTC = 8;

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a UTC day start. */
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** When the daily job of `day` (`YYYY-MM-DD`) runs. */
export const dailyRunAt = (day: string, hour = DAILY_HOUR_UTC) => Date.parse(`${day}T00:00:00Z`) + hour * 3_600_000;

/** The first day whose daily run is after `at`. @example nextDailyDay(Date.parse('2026-01-02T09:00Z')) // '2026-01-03' */
export function nextDailyDay(at: number, hour = DAILY_HOUR_UTC): string {
  const today = dayOf(at);
  return dailyRunAt(today, hour) > at ? today : dayOf(Date.parse(`${today}T00:00:00Z`) + DAY_MS);
}

/**
 * Queues the daily job of `day`. Keyed by the date: every collector on the database asks at start
 * and each run asks for the next, and `enqueue` keeps one job per key, so a day's mail goes once.
 */
export function scheduleDaily(db: Driver, day: string, at: number, hour = DAILY_HOUR_UTC): Promise<boolean> {
  return enqueue(db, { kind: MAIL_DAILY_JOB, key: `${MAIL_DAILY_JOB}:${day}`, payload: { day }, runAt: dailyRunAt(day, hour) }, at);
}
