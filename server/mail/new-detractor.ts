import * as z from 'zod/mini';
import { SEGMENTS } from '../../sdk/index.ts';
import { PermanentJobError, type JobHandler } from '../jobs/index.ts';
import { responseRow } from '../responses/index.ts';
import { siteTeamId } from '../sites/index.ts';
import type { MailContext } from './mail-context.ts';
import { queueMail } from './queue-mail.ts';
import { alertAddresses, teamMailSettings, teamRecipients } from './recipients.ts';
import { newDetractorMail } from './templates/new-detractor.ts';

/** What a `response.scored` event carries (server/responses/upsert.ts). */
const scoredSchema = z.object({ responseId: z.string(), segment: z.enum(SEGMENTS) });

/**
 * Mail's part of `response.scored`: a detractor's first score alerts, at once, its owner or the
 * team's alert recipients (SPEC §11). Each address gets its own mail, queued once per response
 * and address however often the event is delivered. Test responses alert nobody.
 */
export function mailOnResponseScored(context: MailContext): JobHandler {
  const { db } = context;
  return async (payload, { job }) => {
    const event = scoredSchema.safeParse(payload);
    if (!event.success) throw new PermanentJobError('a response.scored job needs { responseId, segment }');
    if (event.data.segment !== 'detractor' || !job.siteId) return;
    const teamId = await siteTeamId(db, job.siteId);
    const row = await responseRow(db, [job.siteId], event.data.responseId);
    if (!teamId || !row || row.test === 1 || row.segment !== 'detractor') return;
    const [settings, recipients] = await Promise.all([teamMailSettings(db, teamId), teamRecipients(db, teamId)]);
    if (!settings) return;
    const addresses = alertAddresses(recipients, settings.alertEmails, row.follow_up_owner_id);
    const content = newDetractorMail({
      publicUrl: context.publicUrl(),
      teamName: settings.name,
      response: { id: row.id, score: row.score, comment: row.comment, who: row.user_name ?? row.user_email ?? null },
    });
    await db.transaction(async (tx) => {
      for (const to of addresses) {
        await queueMail(tx, { ...content, teamId, kind: 'new-detractor', to, responseId: row.id, siteId: row.site_id, dedupeKey: `new-detractor:${row.id}:${to}` }, context.now());
      }
    });
  };
}
