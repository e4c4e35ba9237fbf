import * as z from 'zod/mini';
import type { MailPreferences } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { jsonText, selectOne } from '../db/rows.ts';
import { teamMembers, type TeamMember } from '../teams/team-members.ts';
import { chosenPreferences, defaultPreferences } from './preferences.ts';

/** A member with what they chose to get. */
export type Recipient = TeamMember & { preferences: MailPreferences };

/** The team's members, each with their preferences (chosen, or their role's defaults). */
export async function teamRecipients(db: Driver, teamId: string): Promise<Recipient[]> {
  const [members, chosen] = await Promise.all([teamMembers(db, teamId), chosenPreferences(db, teamId)]);
  return members.map((member) => ({ ...member, preferences: chosen.get(member.userId) ?? defaultPreferences(member.role) }));
}

const alertRow = z.object({ name: z.string(), alert_emails: z.nullable(jsonText(z.array(z.string()))) });

/** The team's name and its alert addresses (`null`: its admins), or `undefined` when there is no such team. */
export async function teamMailSettings(db: Driver, teamId: string): Promise<{ name: string; alertEmails: string[] | null } | undefined> {
  const row = await selectOne(db, alertRow, 'teams', 'SELECT name, alert_emails FROM teams WHERE id = ?', [teamId]);
  return row && { name: row.name, alertEmails: row.alert_emails };
}

/** Sets who gets new-detractor alerts of unowned responses; `null` goes back to the admins. */
export async function setAlertEmails(db: Driver, teamId: string, emails: readonly string[] | null): Promise<void> {
  await db.run('UPDATE teams SET alert_emails = ? WHERE id = ?', [emails === null ? null : JSON.stringify(emails.map((address) => address.toLowerCase())), teamId]);
}

/**
 * Who gets the alert for a new detractor: its owner when a member owns it, else the team's alert
 * addresses, else its admins. A member on the list who turned alerts off gets none; an address
 * that is no member's (a shared inbox) always does.
 */
export function alertAddresses(recipients: readonly Recipient[], alertEmails: readonly string[] | null, ownerId: string | null): string[] {
  const owner = ownerId ? recipients.find((member) => member.userId === ownerId) : undefined;
  if (owner) return owner.preferences.newDetractor ? [owner.email] : [];
  const byEmail = new Map(recipients.map((member) => [member.email.toLowerCase(), member]));
  const listed = alertEmails ?? recipients.filter((member) => member.role === 'admin').map((member) => member.email);
  const addresses = listed.filter((address) => byEmail.get(address.toLowerCase())?.preferences.newDetractor ?? true);
  return [...new Set(addresses.map((address) => address.toLowerCase()))];
}

