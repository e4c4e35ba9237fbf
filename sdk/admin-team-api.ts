import type { Options } from 'ky';
import * as z from 'zod/mini';
import { auditQueryParams, type AuditPageQuery } from './schemas/admin-audit-query.ts';
import { passwordChangeSchema, passwordResetRequestSchema, passwordResetSchema, signedInSchema, signInSchema, type PasswordChange, type PasswordReset, type SignedIn, type SignIn } from './schemas/admin-auth.ts';
import {
  apiTokenCreatedSchema,
  apiTokenCreateSchema,
  apiTokenListSchema,
  auditPageSchema,
  auditQuerySchema,
  invitationAcceptedSchema,
  invitationAcceptSchema,
  invitationCreatedSchema,
  invitationCreateSchema,
  invitationListSchema,
  invitationLookupSchema,
  memberChangeSchema,
  memberListSchema,
  memberSchema,
  meSchema,
  resetLinkSchema,
  switchTeamSchema,
  teamChangeSchema,
  teamSchema,
  type ApiToken,
  type ApiTokenCreate,
  type InvitationCreate,
  type Invitation,
  type Me,
  type Member,
  type Role,
  type Team,
  type TeamChange,
} from './schemas/admin-team.ts';
import { parseOrThrow } from './validate.ts';

type Output<S extends z.ZodMiniType> = z.output<S>;

/** The team's accounts (SPEC §9): who is signed in, the team, members, invitations, tokens, the audit log, and better-auth's sign-in. */
export interface AdminTeamApi {
  /** Who is asking, in which team and role, and the teams they may switch to. */
  me(): Promise<Me>;
  /** Makes `teamId` the session's active team (sessions only); answers who they are there. */
  switchTeam(teamId: string): Promise<Me>;
  team(): Promise<Team>;
  /** (admin) */
  updateTeam(change: TeamChange): Promise<Team>;
  members(): Promise<Member[]>;
  /** (admin) `HttpError` 409 for the last admin. */
  updateMember(userId: string, change: { role: Role }): Promise<Member>;
  /** (admin) `HttpError` 409 for the last admin. */
  removeMember(userId: string): Promise<void>;
  /** (admin) A single-use link (24 h) for the member to choose a new password. */
  resetLink(userId: string): Promise<Output<typeof resetLinkSchema>>;
  /** (admin) The pending invitations. */
  invitations(): Promise<Invitation[]>;
  /** (admin) The invitation and its single-use link, to copy. */
  invite(invitation: InvitationCreate): Promise<Output<typeof invitationCreatedSchema>>;
  /** (admin) */
  revokeInvitation(id: string): Promise<void>;
  /** (public) What an invitation link is for. */
  lookupInvitation(token: string): Promise<Output<typeof invitationLookupSchema>>;
  /** (public) Accepts an invitation; a person new to the collector chooses their name and password here. */
  acceptInvitation(accept: { token: string; name?: string; password?: string }): Promise<Output<typeof invitationAcceptedSchema>>;
  /** (admin) */
  tokens(): Promise<ApiToken[]>;
  /** (admin) The token and its secret, which is never shown again. */
  createToken(token: ApiTokenCreate): Promise<Output<typeof apiTokenCreatedSchema>>;
  /** (admin) */
  revokeToken(id: string): Promise<void>;
  /** (admin) One page of the audit log, newest first. */
  audit(query?: AuditPageQuery): Promise<Output<typeof auditPageSchema>>;
  /** Signs in with email and password; the collector sets the session cookie. 401 for wrong credentials, 429 (with `retryAfterMs`) when throttled. */
  signIn(credentials: SignIn): Promise<SignedIn>;
  signOut(): Promise<void>;
  /** Ends every session of this person, this one included. */
  signOutEverywhere(): Promise<void>;
  /** Changes the password and signs out every other session. */
  changePassword(change: PasswordChange): Promise<void>;
  /** Mails a reset link when the address is a member's; answers the same either way. */
  requestPasswordReset(request: { email: string }): Promise<void>;
  /** Sets a new password with a reset link's token. */
  resetPassword(reset: PasswordReset): Promise<void>;
}

/** How the admin client sends: a parsed JSON answer, or just the answer (for 204s and answers nobody reads). */
export interface TeamTransport {
  endpoint: string;
  json<S extends z.ZodMiniType>(url: string, schema: S, init?: Options): Promise<z.output<S>>;
  send(url: string, init?: Options): Promise<Response>;
}

const idSchema = z.string().check(z.minLength(1, { message: 'must not be empty' }), z.maxLength(200));
const tokenSchema = z.string().check(z.minLength(1, { message: 'must not be empty' }), z.maxLength(200));

/** The team methods of the admin client, on its transport. */
export function teamApi({ endpoint, json, send }: TeamTransport): AdminTeamApi {
  const path = (base: string, id: string, what: string) => `${endpoint}${base}/${encodeURIComponent(parseOrThrow(idSchema, id, what))}`;
  const done = async (response: Promise<Response>) => {
    await (await response).body?.cancel();
  };
  const auth = (route: string, body: unknown) => done(send(`${endpoint}/api/auth/${route}`, { method: 'post', json: body }));
  const api: AdminTeamApi = {
    me: async () => json(`${endpoint}/v1/me`, meSchema),
    async switchTeam(teamId) {
      const body = parseOrThrow(switchTeamSchema, { teamId }, 'team');
      await done(send(`${endpoint}/v1/me/team`, { method: 'post', json: body }));
      return api.me();
    },
    team: async () => json(`${endpoint}/v1/team`, teamSchema),
    updateTeam: async (change) => json(`${endpoint}/v1/team`, teamSchema, { method: 'patch', json: parseOrThrow(teamChangeSchema, change, 'team change') }),
    members: async () => (await json(`${endpoint}/v1/members`, memberListSchema)).items,
    async updateMember(userId, change) {
      const url = path('/v1/members', userId, 'user id');
      return json(url, memberSchema, { method: 'patch', json: parseOrThrow(memberChangeSchema, change, 'member change') });
    },
    removeMember: async (userId) => done(send(path('/v1/members', userId, 'user id'), { method: 'delete' })),
    resetLink: async (userId) => json(`${path('/v1/members', userId, 'user id')}/reset-link`, resetLinkSchema, { method: 'post' }),
    invitations: async () => (await json(`${endpoint}/v1/invitations`, invitationListSchema)).items,
    invite: async (invitation) => json(`${endpoint}/v1/invitations`, invitationCreatedSchema, { method: 'post', json: parseOrThrow(invitationCreateSchema, invitation, 'invitation') }),
    revokeInvitation: async (id) => done(send(path('/v1/invitations', id, 'invitation id'), { method: 'delete' })),
    async lookupInvitation(token) {
      const checked = parseOrThrow(tokenSchema, token, 'invitation token');
      return json(`${endpoint}/v1/invitations/lookup?${new URLSearchParams({ token: checked })}`, invitationLookupSchema);
    },
    acceptInvitation: async (accept) => json(`${endpoint}/v1/invitations/accept`, invitationAcceptedSchema, { method: 'post', json: parseOrThrow(invitationAcceptSchema, accept, 'invitation answer') }),
    tokens: async () => (await json(`${endpoint}/v1/tokens`, apiTokenListSchema)).items,
    createToken: async (token) => json(`${endpoint}/v1/tokens`, apiTokenCreatedSchema, { method: 'post', json: parseOrThrow(apiTokenCreateSchema, token, 'token') }),
    revokeToken: async (id) => done(send(path('/v1/tokens', id, 'token id'), { method: 'delete' })),
    async audit(query = {}) {
      const params = auditQueryParams(query);
      parseOrThrow(auditQuerySchema, params, 'audit query');
      const search = new URLSearchParams(params).toString();
      return json(`${endpoint}/v1/audit${search ? `?${search}` : ''}`, auditPageSchema);
    },
    signIn: async (credentials) => json(`${endpoint}/api/auth/sign-in/email`, signedInSchema, { method: 'post', json: parseOrThrow(signInSchema, credentials, 'sign-in') }),
    signOut: async () => auth('sign-out', {}),
    signOutEverywhere: async () => auth('revoke-sessions', {}),
    changePassword: async (change) => auth('change-password', { ...parseOrThrow(passwordChangeSchema, change, 'password change'), revokeOtherSessions: true }),
    // The link in the mail opens the app's own page, which posts the token back (resetPassword).
    requestPasswordReset: async (request) => auth('request-password-reset', { ...parseOrThrow(passwordResetRequestSchema, request, 'password reset request'), redirectTo: '/reset-password' }),
    resetPassword: async (reset) => auth('reset-password', parseOrThrow(passwordResetSchema, reset, 'password reset')),
  };
  return api;
}
