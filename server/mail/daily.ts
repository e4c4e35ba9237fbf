import * as z from 'zod/mini';
import { countsFromDistribution } from '../../sdk/index.ts';
import { select } from '../db/rows.ts';
import { PermanentJobError, type JobHandler } from '../jobs/index.ts';
import { openFollowUpsDue, overdueCount, responseStats, type OpenFollowUp } from '../responses/index.ts';
import { teamSiteIds } from '../sites/team-sites.ts';
import { dailyRunAt, dayOf, nextDailyDay, scheduleDaily } from './daily-schedule.ts';
import type { MailContext } from './mail-context.ts';
import { queueMail } from './queue-mail.ts';
import { teamRecipients, type Recipient } from './recipients.ts';
import { digestMail } from './templates/digest.ts';
import { dueTomorrowMail, overdueMail } from './templates/reminder.ts';

const DAY_MS = 86_400_000;
const payloadSchema = z.object({ day: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)) });
const teamRow = z.object({ id: z.string(), name: z.string() });

/**
 * Who is reminded of which follow-ups: each owner of their own, and everyone who wants reminders
 * of those nobody (still in the team) owns.
 */
export function remindersByRecipient(recipients: readonly Recipient[], items: readonly OpenFollowUp[]): Map<Recipient, OpenFollowUp[]> {
  const wanting = recipients.filter((member) => member.preferences.reminders);
  const byId = new Map(recipients.map((member) => [member.userId, member]));
  const out = new Map<Recipient, OpenFollowUp[]>();
  for (const item of items) {
    const owner = item.ownerId ? byId.get(item.ownerId) : undefined;
    const to = owner ? (owner.preferences.reminders ? [owner] : []) : wanting;
    for (const member of to) out.set(member, [...(out.get(member) ?? []), item]);
  }
  return out;
}

/**
 * The `mail.daily` job of one day, at {@link dailyRunAt}: first it queues the next day's, then for
 * each team the digest of the day before (to who wants it), the follow-ups due tomorrow, and
 * those that went overdue since the last run. Each mail is queued once per day and person, so a
 * retried run sends nothing twice.
 */
export function mailDailyHandler(context: MailContext, hour?: number): JobHandler {
  const { db } = context;
  return async (payload) => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError('a mail.daily job needs { day: YYYY-MM-DD }');
    const { day } = parsed.data;
    const runAt = dailyRunAt(day, hour);
    const dayStart = Date.parse(`${day}T00:00:00Z`);
    const next = nextDailyDay(Math.max(runAt, context.now()), hour);
    await scheduleDaily(db, next, context.now(), hour);
    const publicUrl = context.publicUrl();
    for (const team of await select(db, teamRow, 'teams', 'SELECT id, name FROM teams ORDER BY created_at, id')) {
      const siteIds = await teamSiteIds(db, team.id);
      const recipients = await teamRecipients(db, team.id);
      if (!siteIds.length || !recipients.length) continue;
      // The digest reads counts only: displays (the response rate) are the dashboard's, not the mail's.
      const stats = (from: number, to: number) => responseStats(db, siteIds, { from, to, includeTest: false }, 'day', { now: context.now(), shownOf: async () => 0 });
      const [yesterday, week, weekBefore, overdue] = await Promise.all([
        stats(dayStart - DAY_MS, dayStart),
        stats(dayStart - 7 * DAY_MS, dayStart),
        stats(dayStart - 14 * DAY_MS, dayStart - 7 * DAY_MS),
        overdueCount(db, siteIds, runAt),
      ]);
      const digest = digestMail({
        publicUrl,
        teamName: team.name,
        day: dayOf(dayStart - DAY_MS),
        counts: countsFromDistribution(yesterday.distribution),
        nps: { current: week.summary.nps, previous: weekBefore.summary.nps },
        overdue,
      });
      const dueTomorrow = remindersByRecipient(recipients, await openFollowUpsDue(db, siteIds, dayStart + DAY_MS, dayStart + 2 * DAY_MS));
      const newlyOverdue = remindersByRecipient(recipients, await openFollowUpsDue(db, siteIds, runAt - DAY_MS, runAt));
      const reminder = (items: readonly OpenFollowUp[]) => ({ publicUrl, teamName: team.name, items });
      await db.transaction(async (tx) => {
        const queue = (member: Recipient, kind: 'digest' | 'due-tomorrow' | 'overdue', content: ReturnType<typeof digestMail>) =>
          queueMail(tx, { ...content, teamId: team.id, kind, to: member.email, dedupeKey: `${kind}:${team.id}:${day}:${member.userId}` }, context.now());
        for (const member of recipients) if (member.preferences.digest) await queue(member, 'digest', digest);
        for (const [member, items] of dueTomorrow) await queue(member, 'due-tomorrow', dueTomorrowMail(reminder(items)));
        for (const [member, items] of newlyOverdue) await queue(member, 'overdue', overdueMail(reminder(items)));
      });
    }
  };
}
