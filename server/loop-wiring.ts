import type { Segment } from '../sdk/index.ts';
import type { ChangeEffects } from './changes/index.ts';
import type { Driver } from './db/driver.ts';
import { inList } from './db/in-list.ts';
import { noticeMail, queueMail } from './mail/index.ts';
import type { PersonEraser } from './people/index.ts';
import { responseRow, toRecord } from './responses/index.ts';
import { fanOut } from './webhooks/index.ts';

// What closing the loop and erasing a person cause in the other resources, composed here at the
// top so that changes/ and people/ know neither mail nor webhooks.

/** Publishing a change: each respondent's "what changed" mail in the outbox, and `loop.closed` to webhooks, one per linked response. */
export function loopEffects(now: () => number = Date.now): ChangeEffects {
  return {
    async queueMail(tx, mail) {
      await queueMail(tx, { teamId: mail.teamId, kind: 'change', to: mail.to, siteId: mail.siteId, responseId: mail.responseIds[0] ?? null, dedupeKey: `change:${mail.changeId}:${mail.to.toLowerCase()}`, ...noticeMail(mail) }, now());
    },
    async fanOut(tx, event) {
      for (const siteId of event.siteIds) {
        for (const responseId of event.data.responseIds) {
          const row = await responseRow(tx, [siteId], responseId);
          if (!row) continue;
          const record = toRecord(row);
          await fanOut(tx, { teamId: event.teamId, type: 'loop.closed', data: { response: record }, segment: record.segment as Segment, at: Date.parse(event.data.publishedAt), key: `loop.closed:${event.data.changeId}:${responseId}`, siteId });
        }
      }
    },
  };
}

/** A person's queued or kept mail (sent mail is gone already), and webhook deliveries not yet made. */
export const PERSON_ERASERS: readonly PersonEraser[] = [
  {
    name: 'mail',
    async erase(tx: Driver, person) {
      let erased = 0;
      if (person.responseIds.length) {
        const ids = inList('response_id', person.responseIds);
        erased += (await tx.run(`DELETE FROM mail_outbox WHERE team_id = ? AND state IN ('queued', 'kept', 'failed') AND ${ids.sql}`, [person.teamId, ...ids.params])).changes;
      }
      if (person.emails.length) {
        const to = inList('LOWER(to_address)', person.emails.map((email) => email.toLowerCase()));
        erased += (await tx.run(`DELETE FROM mail_outbox WHERE team_id = ? AND state IN ('queued', 'kept', 'failed') AND ${to.sql}`, [person.teamId, ...to.params])).changes;
      }
      return erased;
    },
  },
  {
    name: 'webhookDeliveries',
    async erase(tx: Driver, person) {
      let erased = 0;
      // A pending delivery's payload holds the response record; its job then finds nothing to send.
      for (const id of person.responseIds) {
        erased += (await tx.run("DELETE FROM webhook_deliveries WHERE state = 'pending' AND payload LIKE ? AND webhook_id IN (SELECT id FROM webhooks WHERE team_id = ?)", [`%"id":"${id}"%`, person.teamId])).changes;
      }
      return erased;
    },
  },
];
