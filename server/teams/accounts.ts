import type { Invitation, Role } from '../../sdk/index.ts';
import { LINK_TTL_SECONDS } from '../auth/auth.ts';
import type { Identity } from '../auth/identity.ts';
import { passwordProblem, type PasswordProblem } from '../auth/password-policy.ts';
import type { TeamsStore } from './store.ts';

/** Why accepting an invitation failed, for a 4xx that says so. */
export type AcceptProblem = { code: 'invalid_token'; message: string } | { code: 'password_required'; message: string } | PasswordProblem;

/**
 * People joining teams: invitations (single-use links, 24 h), the CLI's `users add`, and the
 * password links an admin hands over. Links point at the team app's pages under `publicUrl`.
 */
export function accounts(deps: { teams: TeamsStore; identity: Identity; publicUrl: () => string; sendLink?: SendLink }) {
  const { teams, identity } = deps;
  const link = (path: string, token: string) => `${deps.publicUrl().replace(/\/+$/, '')}${path}?token=${encodeURIComponent(token)}`;
  const send: SendLink = deps.sendLink ?? (async () => undefined);
  /** The mail that carries a password link, in the person's first team's outbox. */
  async function mailReset(userId: string, email: string, url: string): Promise<void> {
    const [team] = await teams.teamsOf(userId);
    if (team) await send({ teamId: team.id, to: email, subject: 'Choose your onepoint password', text: `Open this link to choose a new password for ${email} (it works once, for 24 hours):\n${url}\n\nIf you did not ask for it, ignore this mail: your password stays as it is.` });
  }

  return {
    /** A person's name and email, for `/v1/me`. */
    user: (userId: string) => identity.userById(userId),

    async invite(input: { teamId: string; email: string; role: Role; invitedBy: string | null }): Promise<{ invitation: Invitation; link: string }> {
      const invitation = await teams.createInvitation({ ...input, ttlMs: LINK_TTL_SECONDS * 1000 });
      const token = await identity.issueToken('invite', invitation.id);
      const url = link('/invite', token);
      const team = await teams.team(input.teamId);
      await send({ teamId: input.teamId, to: invitation.email, subject: `Join ${team?.name ?? 'your team'} on onepoint`, text: `${input.invitedBy ?? 'Your team'} invites you to follow up on ${team?.name ?? 'your team'}’s NPS responses as ${invitation.role}.\n\nOpen this link to join (it works once, for 24 hours):\n${url}` });
      return { invitation, link: url };
    },

    /** What an invitation link is for, without using it. */
    async lookup(token: string) {
      const id = await identity.peekToken('invite', token);
      const open = id ? await teams.openInvitation(id) : undefined;
      if (!open) return undefined;
      const team = await teams.team(open.teamId);
      const user = await identity.userByEmail(open.invitation.email);
      return { email: open.invitation.email, teamName: team?.name ?? '', role: open.invitation.role, needsPassword: !user || !(await identity.hasPassword(user.id)), expiresAt: open.invitation.expiresAt };
    },

    /**
     * Joins the invited person to the team; someone without a password must choose one here
     * (checked against the policy before the link is used up, so a refused password can be retried).
     */
    async accept(input: { token: string; name?: string; password?: string }): Promise<{ ok: true; email: string; teamId: string } | { ok: false; problem: AcceptProblem }> {
      const invalid = { ok: false as const, problem: { code: 'invalid_token' as const, message: 'this invitation link is not valid any more: it was used, revoked or is over 24 hours old; ask for a new one' } };
      const id = await identity.peekToken('invite', input.token);
      const open = id ? await teams.openInvitation(id) : undefined;
      if (!id || !open) return invalid;
      const existing = await identity.userByEmail(open.invitation.email);
      const needsPassword = !existing || !(await identity.hasPassword(existing.id));
      if (needsPassword) {
        if (input.password === undefined) return { ok: false, problem: { code: 'password_required', message: 'choose a password to join' } };
        const problem = passwordProblem(input.password, open.invitation.email);
        if (problem) return { ok: false, problem };
      }
      // The link works once: whoever consumes it first joins; a second request finds nothing.
      if ((await identity.consumeToken('invite', input.token)) !== id || !(await teams.acceptInvitation(id))) return invalid;
      const user = existing ?? (await identity.ensureUser(open.invitation.email, input.name));
      if (input.name && existing) await identity.rename(user.id, input.name);
      if (needsPassword && input.password !== undefined) await identity.setFirstPassword(user.id, input.password);
      await teams.addMember(open.teamId, user.id, open.invitation.role);
      return { ok: true, email: user.email, teamId: open.teamId };
    },

    /** Someone asked for a reset themselves (`/api/auth/request-password-reset`): the link goes by mail only. */
    async mailSelfReset(email: string, token: string): Promise<void> {
      const user = await identity.userByEmail(email);
      if (user) await mailReset(user.id, user.email, link('/reset-password', token));
    },

    /** A single-use link (24 h) for this member to choose a new password. */
    async resetLink(userId: string): Promise<{ link: string; expiresAt: string } | undefined> {
      const user = await identity.userById(userId);
      if (!user) return undefined;
      const token = await identity.resetToken(user.email);
      const url = link('/reset-password', token);
      await mailReset(user.id, user.email, url);
      return { link: url, expiresAt: new Date(Date.now() + LINK_TTL_SECONDS * 1000).toISOString() };
    },

    /** The CLI's `users add`: the person (created if new) joins the team with `role`; the link sets their password. */
    async addUser(input: { email: string; name?: string; teamId: string; role: Role }): Promise<{ userId: string; link: string; created: boolean }> {
      const before = await identity.userByEmail(input.email);
      const user = before ?? (await identity.ensureUser(input.email, input.name));
      await teams.addMember(input.teamId, user.id, input.role);
      const token = await identity.resetToken(user.email);
      const url = link('/reset-password', token);
      await mailReset(user.id, user.email, url);
      return { userId: user.id, link: url, created: !before };
    },
  };
}

export type Accounts = ReturnType<typeof accounts>;

/** Mails a link to a person (invitation, password): queued in the team's outbox, sent by a job. */
export type SendLink = (mail: { teamId: string; to: string; subject: string; text: string }) => Promise<void>;
