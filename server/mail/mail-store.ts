import type { AlertRecipients, MailPreferences, MailState, OutboxMail, Reply, Role } from '../../sdk/index.ts';
import type { Driver, SqlValue } from '../db/driver.ts';
import { select } from '../db/rows.ts';
import { addReplyEntry } from '../follow-ups/index.ts';
import type { Principal } from '../http/principal.ts';
import { responseRow } from '../responses/index.ts';
import { teamMembers } from '../teams/team-members.ts';
import { outboxRowSchema } from './outbox-row.ts';
import { preferencesOf, savePreferences } from './preferences.ts';
import { queueMail } from './queue-mail.ts';
import { setAlertEmails, teamMailSettings } from './recipients.ts';
import { replyMail } from './templates/reply.ts';

/** What a reply came to: the mail queued, no such response for this principal, or no address to write to. */
export type ReplyResult = { kind: 'queued'; mail: OutboxMail } | { kind: 'not_found' } | { kind: 'no_address' };

/** What the mail routes ask of the database. */
export interface MailStore {
  /** The team's outbox, newest first. */
  outbox(teamId: string, filter: { state?: MailState; limit: number }): Promise<OutboxMail[]>;
  preferences(teamId: string, userId: string, role: Role): Promise<MailPreferences>;
  savePreferences(teamId: string, userId: string, preferences: MailPreferences): Promise<void>;
  alertRecipients(teamId: string): Promise<AlertRecipients>;
  setAlertRecipients(teamId: string, recipients: AlertRecipients): Promise<void>;
  /**
   * Queues a reply to the respondent of a response of the principal's sites and adds it to the
   * timeline, in one transaction. The address is their identified email, else the contact email
   * they consented to be written at; `Reply-To` is the signed-in member's own address.
   */
  reply(principal: Principal, responseId: string, reply: Reply): Promise<ReplyResult>;
}

/** {@link MailStore} over `mail_outbox`, `mail_preferences` and `teams.alert_emails`. */
export function mailStore(db: Driver, now: () => number = Date.now): MailStore {
  return {
    async outbox(teamId, filter) {
      const params: SqlValue[] = [teamId];
      let sql = 'SELECT * FROM mail_outbox WHERE team_id = ?';
      if (filter.state) (sql += ' AND state = ?'), params.push(filter.state);
      const rows = await select(db, outboxRowSchema, 'mail_outbox', `${sql} ORDER BY created_at DESC, id DESC LIMIT ?`, [...params, filter.limit]);
      return rows.map((row) => row.mail);
    },

    preferences: (teamId, userId, role) => preferencesOf(db, teamId, userId, role),
    savePreferences: (teamId, userId, preferences) => savePreferences(db, teamId, userId, preferences, now()),

    async alertRecipients(teamId) {
      return { emails: (await teamMailSettings(db, teamId))?.alertEmails ?? null };
    },
    setAlertRecipients: (teamId, recipients) => setAlertEmails(db, teamId, recipients.emails),

    reply(principal, responseId, reply) {
      return db.transaction(async (tx): Promise<ReplyResult> => {
        const row = await responseRow(tx, principal.siteIds, responseId, { lock: true });
        if (!row) return { kind: 'not_found' };
        const to = row.user_email ?? (row.contact_consent === 1 ? row.contact_email : null);
        if (!to) return { kind: 'no_address' };
        const member = principal.userId ? (await teamMembers(tx, principal.teamId)).find((each) => each.userId === principal.userId) : undefined;
        const teamName = (await teamMailSettings(tx, principal.teamId))?.name ?? '';
        const at = now();
        const content = replyMail({ subject: reply.subject, body: reply.body, memberName: principal.actor.name, teamName, comment: row.comment });
        const mail = await queueMail(tx, { ...content, teamId: principal.teamId, kind: 'reply', to, replyTo: member?.email ?? null, responseId: row.id, siteId: row.site_id }, at);
        if (!mail) throw new Error('a reply has no dedupe key, so it is always queued');
        await addReplyEntry(tx, { id: row.id, status: row.follow_up_status, owner: row.follow_up_owner }, principal.actor, content.subject, at);
        return { kind: 'queued', mail };
      });
    },
  };
}
