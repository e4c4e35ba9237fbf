import { htmlDocument, htmlLines, htmlQuote, oneLine, textQuote, type MailContent } from '../html.ts';

/** What a reply to a respondent carries: the member's words, and what the respondent wrote. */
export interface ReplyInput {
  subject: string;
  body: string;
  memberName: string;
  teamName: string;
  /** The respondent's comment, quoted below the reply; `null` when they left none. */
  comment: string | null;
}

/**
 * A member's reply to a respondent (SPEC §11): their subject and body as written (the app starts
 * them from the playbook), signed with their name, the respondent's comment quoted. Everything
 * is escaped in the HTML body: the member's words and the respondent's.
 */
export function replyMail(input: ReplyInput): MailContent {
  const signature = `${input.memberName}, ${input.teamName}`;
  return {
    subject: oneLine(input.subject),
    text: [input.body, `-- \n${signature}`, ...(input.comment ? [`You wrote:\n${textQuote(input.comment)}`] : [])].join('\n\n'),
    html: htmlDocument(
      oneLine(input.subject),
      [`<p>${htmlLines(input.body)}</p>`, `<p>— ${htmlLines(signature)}</p>`, ...(input.comment ? [`<p>You wrote:</p>${htmlQuote(input.comment)}`] : [])].join(''),
      '',
    ),
  };
}
