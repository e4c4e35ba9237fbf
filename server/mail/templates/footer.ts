import { escapeHtml, htmlLink } from '../html.ts';
import { preferencesLink } from '../links.ts';

/** Why a member got this mail and where to change it: the footer of every mail to the team. */
export function teamFooter(publicUrl: string, teamName: string): { text: string; html: string } {
  const link = preferencesLink(publicUrl);
  return {
    text: `-- \nYou get this as a member of ${teamName} on onepoint. Choose what you get: ${link}`,
    html: `You get this as a member of ${escapeHtml(teamName)} on onepoint. ${htmlLink(link, 'Choose what you get')}.`,
  };
}
