import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { Actor } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { inList } from '../db/in-list.ts';
import { int, select } from '../db/rows.ts';
import { resolveByChange } from '../follow-ups/index.ts';
import type { ChangeMail, ChangeEffects } from './effects.ts';

/** A linked response as publishing needs it: who to tell, and how. */
const linkedRow = z.object({
  id: z.string(),
  site_id: z.string(),
  comment: z.nullable(z.string()),
  user_id: z.nullable(z.string()),
  user_email: z.nullable(z.string()),
  contact_email: z.nullable(z.string()),
  contact_consent: int,
  received_at: int,
});

/** What publishing did. */
export interface PublishCounts {
  emailed: number;
  resolved: number;
  notices: number;
}

/** How much of a comment the email quotes back. */
const QUOTE_LENGTH = 160;

/**
 * Closes the loop for a change whose `published_at` was just set, in that same transaction `tx`:
 * one email per contactable address, each linked follow-up resolved with a `change` entry, one
 * notice per identified respondent of a site, and one `loop.closed` event. Every effect is a row
 * in `tx` (STYLE 14): a failure rolls back the publishing with all of it.
 */
export async function closeTheLoop(
  tx: Driver,
  input: { teamId: string; siteIds: readonly string[]; change: { id: string; title: string; body: string }; author: Actor; at: number },
  effects: ChangeEffects,
): Promise<PublishCounts> {
  const { change, at } = input;
  const sites = inList('r.site_id', input.siteIds);
  const linked = await select(
    tx,
    linkedRow,
    'responses',
    `SELECT r.id, r.site_id, r.comment, r.user_id, r.user_email, r.contact_email, r.contact_consent, r.received_at
     FROM change_responses l JOIN responses r ON r.id = l.response_id WHERE l.change_id = ? AND ${sites.sql} ORDER BY r.received_at, r.id`,
    [change.id, ...sites.params],
  );
  let resolved = 0;
  for (const row of linked) if (await resolveByChange(tx, { responseId: row.id, changeId: change.id, title: change.title, author: input.author, at })) resolved++;

  // One email per address, whichever of their responses it came from; the first comment is quoted.
  const mails = new Map<string, ChangeMail>();
  for (const row of linked) {
    const to = contactOf(row);
    if (!to) continue;
    const key = `${row.site_id}\n${to.toLowerCase()}`;
    const known = mails.get(key);
    if (known) known.responseIds.push(row.id);
    else mails.set(key, { kind: 'change.published', teamId: input.teamId, siteId: row.site_id, changeId: change.id, to, subject: change.title, text: mailText(change, row.comment), responseIds: [row.id] });
  }
  for (const mail of mails.values()) await effects.queueMail(tx, mail);

  let notices = 0;
  for (const row of linked) {
    if (!row.user_id) continue;
    const { changes } = await tx.run('INSERT INTO notices (id, change_id, site_id, user_id, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (change_id, site_id, user_id) DO NOTHING', [
      randomUUID(),
      change.id,
      row.site_id,
      row.user_id,
      at,
    ]);
    notices += changes;
  }

  await effects.fanOut(tx, {
    type: 'loop.closed',
    teamId: input.teamId,
    siteIds: [...new Set(linked.map((row) => row.site_id))],
    data: { changeId: change.id, title: change.title, body: change.body, publishedAt: new Date(at).toISOString(), responseIds: linked.map((row) => row.id) },
  });
  return { emailed: mails.size, resolved, notices };
}

/** Who may be emailed: an identified user's own email, else a contact email given with consent. */
function contactOf(row: z.output<typeof linkedRow>): string | null {
  if (row.user_id && row.user_email) return row.user_email;
  if (row.contact_consent === 1 && row.contact_email) return row.contact_email;
  return null;
}

/** "You told us … — here is what we changed", in plain text. */
function mailText(change: { title: string; body: string }, comment: string | null): string {
  const quote = comment ? [...comment].slice(0, QUOTE_LENGTH).join('') + ([...comment].length > QUOTE_LENGTH ? '…' : '') : null;
  return [quote ? `You told us: “${quote}”` : 'You told us what you thought.', '', `Here is what we changed: ${change.title}`, '', change.body].join('\n');
}
