import type { WebhookEventBody } from '../../sdk/index.ts';

/** What a Slack incoming webhook takes: `text` (notifications, and clients without blocks) and `blocks`. */
export interface SlackMessage {
  text: string;
  blocks: { type: string; text?: { type: 'mrkdwn'; text: string }; elements?: { type: 'mrkdwn'; text: string }[] }[];
}

const HEADLINES: Record<WebhookEventBody['type'], string> = {
  'response.scored': 'New NPS score',
  'response.completed': 'NPS response completed',
  'follow_up.changed': 'Follow-up changed',
  'loop.closed': 'Loop closed',
  'webhook.test': 'Test event from onepoint',
};

/** Slack's three control characters, escaped as its docs ask; the rest of the text is shown as sent. */
export function slackEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * The event as a Slack message: a headline with the score and segment, the comment quoted, and a
 * context line (who, which survey, the follow-up). Everything the respondent typed is escaped, so
 * a comment cannot mention @channel or forge a link.
 * @example slackMessage(event).text // 'New NPS score: 3/10 (detractor) from ana@example.com'
 */
export function slackMessage(event: WebhookEventBody): SlackMessage {
  const { response, change } = event.data;
  const who = response.user?.email ?? response.user?.name ?? response.contactEmail ?? response.user?.id ?? 'an anonymous visitor';
  const headline = `${HEADLINES[event.type]}: ${response.score}/10 (${response.segment}) from ${slackEscape(who)}`;
  const lines = [`*${headline}*`];
  if (response.comment) lines.push(quote(response.comment));
  if (response.followUp) lines.push(quote(response.followUp));
  const context = [`survey ${slackEscape(response.surveyId)}`, `follow-up ${response.followUpStatus}`];
  if (response.followUpOwner) context.push(`owner ${slackEscape(response.followUpOwner)}`);
  if (change) context.push(`changed by ${slackEscape(change.by.name)}`);
  return {
    text: headline,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: context.join(' · ') }] },
    ],
  };
}

function quote(text: string): string {
  return slackEscape(text.slice(0, 2000))
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}
