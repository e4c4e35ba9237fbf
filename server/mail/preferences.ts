import * as z from 'zod/mini';
import type { MailPreferences, Role } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { flag, select } from '../db/rows.ts';

/** What someone gets before they choose: everything for those who follow up, nothing for viewers. */
export function defaultPreferences(role: Role): MailPreferences {
  const on = role !== 'viewer';
  return { newDetractor: on, digest: on, reminders: on };
}

const preferenceRow = z.object({ user_id: z.string(), new_detractor: flag, digest: flag, reminders: flag });

/** The preferences members of `teamId` have chosen, by user id (the others have their role's defaults). */
export async function chosenPreferences(db: Driver, teamId: string): Promise<Map<string, MailPreferences>> {
  const rows = await select(db, preferenceRow, 'mail_preferences', 'SELECT user_id, new_detractor, digest, reminders FROM mail_preferences WHERE team_id = ?', [teamId]);
  return new Map(rows.map((row) => [row.user_id, { newDetractor: row.new_detractor, digest: row.digest, reminders: row.reminders }]));
}

/** One member's preferences: chosen, or their role's defaults. */
export async function preferencesOf(db: Driver, teamId: string, userId: string, role: Role): Promise<MailPreferences> {
  return (await chosenPreferences(db, teamId)).get(userId) ?? defaultPreferences(role);
}

/** Keeps what a member chose (all three at once: `PUT`). */
export async function savePreferences(db: Driver, teamId: string, userId: string, preferences: MailPreferences, at: number): Promise<void> {
  const values = [preferences.newDetractor ? 1 : 0, preferences.digest ? 1 : 0, preferences.reminders ? 1 : 0];
  await db.run(
    `INSERT INTO mail_preferences (team_id, user_id, new_detractor, digest, reminders, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (team_id, user_id) DO UPDATE SET new_detractor = ?, digest = ?, reminders = ?, updated_at = ?`,
    [teamId, userId, ...values, at, ...values, at],
  );
}
