import type { MailKind, Role, Segment } from '../../sdk/index.ts';
import type { Failure } from '../models/failure.ts';
import { PASSWORD_MIN_LENGTH, type PasswordProblem } from '../models/password-rules.ts';

// Codes become words here, and only here (STYLE.md: error codes map to words only in the UI).

/** What a failed call means for the person, in one sentence. `what` names the thing tried ("sign in"). */
export function failureText(failure: Failure, what: string): string {
  if (failure.kind === 'offline') return `Could not reach the collector to ${what}. Check your connection and try again.`;
  if (failure.kind === 'invalid') return failure.issues.map((issue) => `${fieldName(issue.path)} ${issue.message}.`).join(' ');
  if (failure.kind === 'unexpected') return `Something went wrong trying to ${what}: ${failure.message}`;
  if (failure.status === 429) return `Too many attempts. Try again in ${seconds(failure.retryAfterSeconds ?? 60)}.`;
  if (failure.status === 401) return `The collector did not accept your session to ${what}. If it keeps happening, sign out and in again.`;
  if (failure.status === 403) return `Your role does not allow you to ${what}.`;
  if (failure.status === 404) return 'That is not there any more. It may have been removed by someone else.';
  if (failure.status >= 500) return `The collector could not ${what} just now. Try again in a moment.`;
  return failure.message ? sentence(failure.message) : `Could not ${what} (${failure.code ?? failure.status}).`;
}

/** A sign-in's failure: wrong credentials and throttling said plainly. */
export function signInFailureText(failure: Failure): string {
  if (failure.kind === 'http' && failure.status === 401) return 'That email and password do not match. Check both and try again.';
  if (failure.kind === 'http' && failure.status === 429) return `Too many sign-in attempts. Wait ${seconds(failure.retryAfterSeconds ?? 60)} before trying again.`;
  return failureText(failure, 'sign in');
}

/** A link page's failure to read its link: expired, used or unknown. */
export function linkFailureText(failure: Failure, kind: 'invitation' | 'reset'): string {
  const what = kind === 'invitation' ? 'invitation' : 'password link';
  if (failure.kind === 'http' && failure.status >= 400 && failure.status < 500 && failure.status !== 429) return `This ${what} has expired or has already been used. Ask an admin of your team for a new one.`;
  return failureText(failure, kind === 'invitation' ? 'open the invitation' : 'set the password');
}

export const passwordRulesText = `At least ${PASSWORD_MIN_LENGTH} characters, and not a common password. A few unrelated words make a good one.`;

export function passwordProblemText(problem: PasswordProblem): string {
  return problem === 'password_too_short' ? `Too short: use at least ${PASSWORD_MIN_LENGTH} characters.` : 'This password is too common (it is on lists attackers try first). Choose another.';
}

export const ROLE_WORDS: Record<Role, { label: string; hint: string }> = {
  admin: { label: 'Admin', hint: 'Manages members, tokens and settings, and follows up' },
  member: { label: 'Member', hint: 'Follows up: assigns, changes status, adds notes' },
  viewer: { label: 'Viewer', hint: 'Reads responses and stats' },
};

const ACTION_WORDS: Record<string, string> = {
  'follow_up.changed': 'changed a follow-up',
  'note.added': 'added a note',
  'responses.exported': 'exported responses',
  'token.created': 'created an API token',
  'token.revoked': 'revoked an API token',
  'member.invited': 'invited a member',
  'member.role_changed': 'changed a member’s role',
  'member.removed': 'removed a member',
  'invitation.revoked': 'revoked an invitation',
  'team.changed': 'changed the team’s settings',
  'site.created': 'created a site',
  'site.changed': 'changed a site’s name or origins',
  'member.reset_link': 'made a password link for a member',
  'change.created': 'recorded a change',
  'change.linked': 'linked responses to a change',
  'change.published': 'published a change',
  'people.erased': 'erased a person',
  'site.retention_changed': 'changed a site’s retention',
};

/** An audit action as a verb phrase ("created an API token"); an unknown one as its code. */
export const actionText = (action: string) => ACTION_WORDS[action] ?? action;

const ERASED_WORDS: Record<string, [one: string, many: string]> = {
  responses: ['response', 'responses'],
  notes: ['note', 'notes'],
  notices: ['notice', 'notices'],
  mail: ['queued mail', 'queued mails'],
};

/** What an erasure removed, in a sentence: the kinds people care about, the rest as "other records". */
export function erasedText(who: string, counts: Record<string, number>): string {
  const parts = Object.entries(ERASED_WORDS).map(([kind, [one, many]]) => {
    const n = counts[kind] ?? 0;
    return `${n} ${n === 1 ? one : many}`;
  });
  const other = Object.entries(counts).reduce((sum, [kind, n]) => (kind in ERASED_WORDS ? sum : sum + n), 0);
  if (other) parts.push(`${other} other ${other === 1 ? 'record' : 'records'}`);
  return `Erased ${who}: ${parts.join(', ')}.`;
}
/** Segments, plural, as headings and table rows name them. */
export const SEGMENT_WORDS: Record<Segment, string> = { promoter: 'Promoters', passive: 'Passives', detractor: 'Detractors' };

export const STATUS_WORDS: Record<string, string> = { new: 'New', contacted: 'Contacted', resolved: 'Resolved', not_needed: 'Not needed' };

function seconds(count: number): string {
  return count === 1 ? '1 second' : `${count} seconds`;
}

function sentence(text: string): string {
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

function fieldName(path: string): string {
  return path === '(root)' ? 'This' : path.charAt(0).toUpperCase() + path.slice(1);
}

// Automations: webhooks, the outbox, notifications.

export const WEBHOOK_EVENT_WORDS: Record<string, { label: string; hint: string }> = {
  'response.scored': { label: 'A response is scored', hint: 'the moment someone picks a score' },
  'response.completed': { label: 'A response is completed', hint: 'with its comment and answers' },
  'follow_up.changed': { label: 'A follow-up changes', hint: 'status, owner or due date' },
  'loop.closed': { label: 'A change is published', hint: 'the loop closed for its responses' },
  'webhook.test': { label: 'Test event', hint: 'sent with “Send test event”' },
};

export const DELIVERY_STATE_WORDS: Record<string, string> = { pending: 'Sending', delivered: 'Delivered', failed: 'Failed', dropped: 'Not sent (turned off)' };

export const MAIL_STATE_WORDS: Record<string, string> = { queued: 'Queued', sent: 'Sent', kept: 'Kept', failed: 'Failed' };

export const MAIL_KIND_WORDS: Record<MailKind, string> = {
  'new-detractor': 'New detractor alert',
  digest: 'Daily digest',
  'due-tomorrow': 'Due tomorrow',
  overdue: 'Overdue',
  reply: 'Reply',
  notice: 'Notice to admins',
  'account-link': 'Invitation or password link',
  change: 'What we changed',
};

/** One count with its noun: "1 respondent", "3 respondents". */
export const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
