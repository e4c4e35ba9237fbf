import * as z from 'zod/mini';
import type { FollowUpHealth } from '../../sdk/index.ts';
import type { Driver, SqlValue } from '../db/driver.ts';
import { int, nullableInt, select, selectOne } from '../db/rows.ts';
import { countable, countsWhere, statsWhere, type StatsFilters } from './stats-filters.ts';

const HOUR_MS = 3_600_000;
const totalsRow = z.object({ settled: nullableInt, in_sla: nullableInt, contacted: nullableInt });
const sumRow = z.object({ n: nullableInt });
const contactsRow = z.object({ contacted: nullableInt, in_sla: nullableInt });
const waitRow = z.object({ ms: int });
const overdueRow = z.object({ owner_id: z.nullable(z.string()), owner: z.nullable(z.string()), n: int });

/** The condition on `responses r` the stats read (statsWhere), with its parameters. */
type Where = { sql: string; params: SqlValue[] };

/**
 * Follow-up health of the responses `filters` select, at `now` (SPEC §10): the share contacted
 * within the SLA, the median time to a first contact, and what is overdue per owner.
 *
 * A response is contacted when its status first changed away from `new` (its timeline's first
 * `status` row, whatever it changed to), within the SLA when that was before its due
 * date. It is settled, and counts in the share, once it was contacted or its due date passed:
 * one still due without a contact may yet make it.
 *
 * The first contact is `responses.first_contact_at`, kept by triggers on the timeline
 * (migration 17); without a survey or trait filter the totals come from daily counts.
 */
export async function followUpHealth(db: Driver, siteIds: readonly string[], filters: StatsFilters, now: number): Promise<FollowUpHealth> {
  const where = statsWhere(siteIds, filters);
  const { settled, contactedInSla, contacted } = countable(filters) ? await countedTotals(db, siteIds, filters, where, now) : await scannedTotals(db, where, now);
  return {
    settled,
    contactedInSla,
    contactedInSlaShare: settled === 0 ? null : contactedInSla / settled,
    medianHoursToFirstContact: contacted === 0 ? null : await medianHours(db, where, contacted),
    overdueByOwner: await overdueByOwner(db, where, now),
  };
}

interface Totals {
  settled: number;
  contactedInSla: number;
  contacted: number;
}

/**
 * The totals from the daily counts (migration 17): every response is settled but those not
 * contacted and not yet due, which are few (due from `now` on) and read from their own index.
 */
async function countedTotals(db: Driver, siteIds: readonly string[], filters: StatsFilters, where: Where, now: number): Promise<Totals> {
  const counts = countsWhere(siteIds, filters);
  const responses = await selectOne(db, sumRow, 'response_counts', `SELECT SUM(n) AS n FROM response_counts WHERE ${counts.sql}`, counts.params);
  const contacts = await selectOne(db, contactsRow, 'response_contact_counts', `SELECT SUM(contacted) AS contacted, SUM(in_sla) AS in_sla FROM response_contact_counts WHERE ${counts.sql}`, counts.params);
  const unsettled = await selectOne(
    db,
    sumRow,
    'responses',
    `SELECT COUNT(*) AS n FROM responses r WHERE ${where.sql} AND r.first_contact_at IS NULL AND COALESCE(r.due_at, r.received_at) >= ?`,
    [...where.params, now],
  );
  return { settled: (responses?.n ?? 0) - (unsettled?.n ?? 0), contactedInSla: contacts?.in_sla ?? 0, contacted: contacts?.contacted ?? 0 };
}

/** The totals over the responses `where` selects (a survey or a trait, which the daily counts do not keep). */
async function scannedTotals(db: Driver, where: Where, now: number): Promise<Totals> {
  const totals = await selectOne(
    db,
    totalsRow,
    'responses',
    `SELECT COUNT(CASE WHEN r.first_contact_at IS NOT NULL OR COALESCE(r.due_at, r.received_at) < ? THEN 1 END) AS settled,
       COUNT(CASE WHEN r.first_contact_at < COALESCE(r.due_at, r.received_at) THEN 1 END) AS in_sla,
       COUNT(r.first_contact_at) AS contacted
     FROM responses r WHERE ${where.sql}`,
    [now, ...where.params],
  );
  return { settled: totals?.settled ?? 0, contactedInSla: totals?.in_sla ?? 0, contacted: totals?.contacted ?? 0 };
}

/**
 * The median wait to a first contact, from the middle one or two waits only (no engine-specific
 * percentile), read in order of the wait from its index (migration 17).
 */
async function medianHours(db: Driver, where: Where, contacted: number): Promise<number> {
  const middle = await select(
    db,
    waitRow,
    'responses',
    `SELECT r.first_contact_at - r.received_at AS ms FROM responses r WHERE ${where.sql} AND r.first_contact_at IS NOT NULL
     ORDER BY r.first_contact_at - r.received_at LIMIT ? OFFSET ?`,
    [...where.params, contacted % 2 === 1 ? 1 : 2, Math.floor((contacted - 1) / 2)],
  );
  const ms = middle.reduce((sum, row) => sum + row.ms, 0) / Math.max(middle.length, 1);
  return Math.round((ms / HOUR_MS) * 10) / 10;
}

/** Open follow-ups past their due date at `now`, per owner: the list's `overdue=true`, grouped. Most first; unassigned last among equals. */
async function overdueByOwner(db: Driver, where: Where, now: number): Promise<FollowUpHealth['overdueByOwner']> {
  const rows = await select(
    db,
    overdueRow,
    'responses',
    `SELECT r.follow_up_owner_id AS owner_id, r.follow_up_owner AS owner, COUNT(*) AS n FROM responses r
     WHERE ${where.sql} AND r.follow_up_status IN ('new', 'contacted') AND r.due_at < ? GROUP BY r.follow_up_owner_id, r.follow_up_owner`,
    [...where.params, now],
  );
  const name = (row: { owner: string | null }) => row.owner ?? '\uffff';
  return rows
    .sort((a, b) => b.n - a.n || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0))
    .map((row) => ({ ownerId: row.owner_id, owner: row.owner, count: row.n }));
}
