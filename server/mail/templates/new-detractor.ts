import { escapeHtml, htmlDocument, htmlLink, htmlQuote, textQuote, type MailContent } from '../html.ts';
import { responseLink } from '../links.ts';
import { teamFooter } from './footer.ts';

/** What a new-detractor alert says. */
export interface NewDetractorInput {
  publicUrl: string;
  teamName: string;
  response: { id: string; score: number; comment: string | null; who: string | null };
}

/**
 * The alert sent the moment a detractor answers (SPEC §11): the score, what they wrote, who they
 * are when known, and the link to follow up. Respondent text is escaped in the HTML body.
 * @example newDetractorMail({ publicUrl: 'https://nps.example', teamName: 'Shop', response: { id: 'r1', score: 2, comment: 'Slow', who: null } }).subject
 * // 'New detractor (2/10) for Shop'
 */
export function newDetractorMail(input: NewDetractorInput): MailContent {
  const { response } = input;
  const link = responseLink(input.publicUrl, response.id);
  const from = response.who ? ` from ${response.who}` : '';
  const footer = teamFooter(input.publicUrl, input.teamName);
  const said = response.comment ? `They wrote:\n${textQuote(response.comment)}` : 'They left no comment.';
  return {
    subject: `New detractor (${response.score}/10) for ${input.teamName}`,
    text: [`A detractor answered ${response.score}/10${from}.`, said, `Follow up: ${link}`, footer.text].join('\n\n'),
    html: htmlDocument(
      'New detractor',
      [
        `<p>A detractor answered <strong>${response.score}/10</strong>${escapeHtml(from)}.</p>`,
        response.comment ? `<p>They wrote:</p>${htmlQuote(response.comment)}` : '<p>They left no comment.</p>',
        `<p>${htmlLink(link, 'Follow up')}</p>`,
      ].join(''),
      footer.html,
    ),
  };
}
