import { escapeHtml, htmlDocument, htmlLink, oneLine, type MailContent } from '../html.ts';
import { responseLink } from '../links.ts';
import { teamFooter } from './footer.ts';

/** A follow-up as a reminder lists it. */
export interface ReminderItem {
  id: string;
  score: number;
  comment: string | null;
  dueAt: number;
}

/** What a reminder says: whose team, which follow-ups. */
export interface ReminderInput {
  publicUrl: string;
  teamName: string;
  items: readonly ReminderItem[];
}

/** A comment shortened to one line for a list. */
const gist = (comment: string | null) => (comment ? oneLine(comment, 80) : '(no comment)');

function reminderMail(input: ReminderInput, title: string, lead: string): MailContent {
  const footer = teamFooter(input.publicUrl, input.teamName);
  const rows = input.items.map((item) => ({ ...item, link: responseLink(input.publicUrl, item.id), due: new Date(item.dueAt).toISOString().slice(0, 16).replace('T', ' ') }));
  return {
    subject: `${title} (${input.items.length}) for ${input.teamName}`,
    text: [lead, rows.map((row) => `- ${row.score}/10, due ${row.due} UTC: ${gist(row.comment)}\n  ${row.link}`).join('\n'), footer.text].join('\n\n'),
    html: htmlDocument(
      title,
      [
        `<p>${escapeHtml(lead)}</p><ul>`,
        ...rows.map((row) => `<li>${row.score}/10, due ${escapeHtml(row.due)} UTC: ${escapeHtml(gist(row.comment))} (${htmlLink(row.link, 'open')})</li>`),
        '</ul>',
      ].join(''),
      footer.html,
    ),
  };
}

/** Follow-ups due tomorrow (SPEC §11). @example dueTomorrowMail({ …, items: [a, b] }).subject // 'Follow-ups due tomorrow (2) for Shop' */
export function dueTomorrowMail(input: ReminderInput): MailContent {
  return reminderMail(input, 'Follow-ups due tomorrow', 'These follow-ups are due tomorrow:');
}

/** Follow-ups that just went past their due date (SPEC §11). */
export function overdueMail(input: ReminderInput): MailContent {
  return reminderMail(input, 'Follow-ups overdue', 'These follow-ups are now overdue:');
}
