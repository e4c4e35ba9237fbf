import * as z from 'zod/mini';
import type { FollowUpHealth } from '../../sdk/index.ts';
import type { Driver, SqlValue } from '../db/driver.ts';
import { int, nullableInt, select, selectOne } from '../db/rows.ts';
import { statsWhere, type StatsFilters } from './stats-filters.ts';

const HOUR_MS = 3_600_000;
const totalsRow = z.object({ settled: nullableInt, in_sla: nullableInt, contacted: nullableInt });
const waitRow = z.object({ ms: int });
const overdueRow = z.object({ owner_id: z.nullable(z.string()), owner: z.nullable(z.string()), n: int });

/**
 * Follow-up health of the responses `filters` select, at `now` (SPEC §10): the share contacted
 * within the SLA, the median time to a first contact, and what is overdue per owner.
 *
 * A response is contacted when its status first changed away from `new` (its timeline's first
 * `status` row, whatever it changed to), within the SLA when that was before its due
 * date. It is settled, and counts in the share, once it was contacted or its due date passed:
 * one still due without a contact may yet make it.
 */
export async function followUpHealth(db: Driver, siteIds: readonly string[], filters: StatsFilters, now: number): Promise<FollowUpHealth> {
  const where = statsWhere(siteIds, filters);
  // One row per response: when it arrived, when it is due, and its first contact (NULL: none yet):
  // its first `status` row, since a response starts as `new` and that row is the change away from it.
  const contacts = `SELECT r.received_at AS received_at, COALESCE(r.due_at, r.received_at) AS due_at,
      (SELECT MIN(n.created_at) FROM follow_up_notes n WHERE n.response_id = r.id AND n.kind = 'status') AS first_contact
    FROM responses r WHERE ${where.sql}`;
  const totals = await selectOne(
    db,
    totalsRow,
    'responses',
    `SELECT COUNT(CASE WHEN first_contact IS NOT NULL OR due_at < ? THEN 1 END) AS settled,
       COUNT(CASE WHEN first_contact < due_at THEN 1 END) AS in_sla,
       COUNT(first_contact) AS contacted
     FROM (${contacts}) AS contacts`,
    [now, ...where.params],
  );
  const settled = totals?.settled ?? 0;
  const contactedInSla = totals?.in_sla ?? 0;
  const contacted = totals?.contacted ?? 0;
  return {
    settled,
    contactedInSla,
    contactedInSlaShare: settled === 0 ? null : contactedInSla / settled,
    medianHoursToFirstContact: contacted === 0 ? null : await medianHours(db, contacts, where.params, contacted),
    overdueByOwner: await overdueByOwner(db, where, now),
  };
}

/** The median wait to a first contact, from the middle one or two waits only (no engine-specific percentile). */
async function medianHours(db: Driver, contacts: string, params: readonly SqlValue[], contacted: number): Promise<number> {
  const middle = await select(
    db,
    waitRow,
    'responses',
    `SELECT first_contact - received_at AS ms FROM (${contacts}) AS contacts WHERE first_contact IS NOT NULL ORDER BY ms LIMIT ? OFFSET ?`,
    [...params, contacted % 2 === 1 ? 1 : 2, Math.floor((contacted - 1) / 2)],
  );
  const ms = middle.reduce((sum, row) => sum + row.ms, 0) / Math.max(middle.length, 1);
  return Math.round((ms / HOUR_MS) * 10) / 10;
}

/** Open follow-ups past their due date at `now`, per owner: the list's `overdue=true`, grouped. Most first; unassigned last among equals. */
async function overdueByOwner(db: Driver, where: { sql: string; params: SqlValue[] }, now: number): Promise<FollowUpHealth['overdueByOwner']> {
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
