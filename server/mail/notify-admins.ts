import type { Driver } from '../db/driver.ts';
import { teamMembers } from '../teams/team-members.ts';
import { queueMail } from './queue-mail.ts';
import { noticeMail } from './templates/notice.ts';

/**
 * Queues a notice to each admin of `teamId` (a webhook endpoint that keeps failing, …). Pass a
 * transaction's driver (the one of the change it reports): each mail is an outbox row and its send
 * job, and only a transaction makes the two one write. The number of mails queued.
 * @example await notifyAdmins(tx, teamId, 'Webhook disabled', 'https://hooks.example failed for 24 h.')
 */
export async function notifyAdmins(db: Driver, teamId: string, subject: string, text: string, at: number = Date.now()): Promise<number> {
  const admins = (await teamMembers(db, teamId)).filter((member) => member.role === 'admin');
  const content = noticeMail({ subject, text });
  for (const admin of admins) await queueMail(db, { ...content, teamId, kind: 'notice', to: admin.email }, at);
  return admins.length;
}
