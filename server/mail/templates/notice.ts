import { htmlDocument, htmlLines, oneLine, type MailContent } from '../html.ts';

/** A notice to a team's admins (a webhook endpoint failing, …): the subject and text as given. */
export function noticeMail(input: { subject: string; text: string }): MailContent {
  return { subject: oneLine(input.subject), text: input.text, html: htmlDocument(oneLine(input.subject), `<p>${htmlLines(input.text)}</p>`, '') };
}
