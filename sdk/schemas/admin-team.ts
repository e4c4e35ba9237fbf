import * as z from 'zod/mini';
import { intParam } from './admin-params.ts';
import { email, isoDateTime } from './formats.ts';
import { text } from './text.ts';

/**
 * What a member may do in a team (SPEC §9): `admin` runs sites, members, tokens and integrations;
 * `member` follows up (assign, status, notes, replies); `viewer` reads.
 */
export const ROLES = ['admin', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who did something: a signed-in member, an API token, a v1 site key, or the collector itself. */
export const actorSchema = z.object({
  type: z.enum(['member', 'token', 'site-key', 'system']),
  /** The member's user id, the token's id, the site's id; `null` for the system. */
  id: z.nullable(z.string()),
  /** What people read: the member's name, the token's name, the site's name. */
  name: z.string(),
});
export type Actor = z.output<typeof actorSchema>;

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Days a new response has for its follow-up before it is overdue. @default 7 */
  slaDays: z.number(),
  createdAt: isoDateTime(),
});
export type Team = z.output<typeof teamSchema>;

/** `GET /v1/me`: who is asking, in which team, with which role, and the other teams they may switch to. */
export const meSchema = z.object({
  actor: actorSchema,
  /** The signed-in person; `null` for a token. */
  user: z.nullable(z.object({ id: z.string(), name: z.string(), email: z.string() })),
  team: teamSchema,
  role: z.enum(ROLES),
  teams: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) })),
  /** The ids of the sites this principal reads (a v1 site key: its own only). */
  siteIds: z.array(z.string()),
});
export type Me = z.output<typeof meSchema>;

/** `POST /v1/me/team`: the team the session works in from now on. */
export const switchTeamSchema = z.strictObject({ teamId: text(100, 1) });

/** `PATCH /v1/team` (admin). */
export const teamChangeSchema = z
  .strictObject({ name: z.optional(text(200, 1)), slaDays: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(90))) })
  .check(z.refine((body) => body.name !== undefined || body.slaDays !== undefined, { message: 'needs name or slaDays' }));
export type TeamChange = z.output<typeof teamChangeSchema>;

export const memberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  joinedAt: isoDateTime(),
  /** Whether they have set a password yet (an invited person who has not has no way in). */
  active: z.boolean(),
});
export type Member = z.output<typeof memberSchema>;
export const memberListSchema = z.object({ items: z.array(memberSchema) });

/** `PATCH /v1/members/:userId` (admin). The last admin cannot be demoted or removed (409). */
export const memberChangeSchema = z.strictObject({ role: z.enum(ROLES) });

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  invitedBy: z.nullable(z.string()),
  createdAt: isoDateTime(),
  expiresAt: isoDateTime(),
});
export type Invitation = z.output<typeof invitationSchema>;
export const invitationListSchema = z.object({ items: z.array(invitationSchema) });

/** `POST /v1/invitations` (admin). */
export const invitationCreateSchema = z.strictObject({ email: email(), role: z.enum(ROLES) });
export type InvitationCreate = z.output<typeof invitationCreateSchema>;
/** The answer: the invitation and its single-use link (24 h), for the admin to copy until mail sends it. */
export const invitationCreatedSchema = z.object({ invitation: invitationSchema, link: z.string() });

/** `GET /v1/invitations/lookup?token=…` (public): what the link is for, before anyone types a password. */
export const invitationLookupSchema = z.object({
  email: z.string(),
  teamName: z.string(),
  role: z.enum(ROLES),
  /** `true` when this person has no password yet and must choose one to accept. */
  needsPassword: z.boolean(),
  expiresAt: isoDateTime(),
});
/** `POST /v1/invitations/accept` (public): the link's token, and a password for a new person. */
export const invitationAcceptSchema = z.strictObject({
  token: text(200, 1),
  name: z.optional(text(200, 1)),
  password: z.optional(z.string().check(z.maxLength(256))),
});
export const invitationAcceptedSchema = z.object({ email: z.string(), teamId: z.string() });

/** `POST /v1/members/:userId/reset-link` (admin): a single-use password link (24 h) to hand over. */
export const resetLinkSchema = z.object({ link: z.string(), expiresAt: isoDateTime() });

export const TOKEN_SCOPES = ['read', 'write'] as const;
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** `read`: what a viewer may; `write`: what a member may (follow-up changes). */
  scope: z.enum(TOKEN_SCOPES),
  createdBy: z.nullable(z.string()),
  createdAt: isoDateTime(),
  lastUsedAt: z.nullable(isoDateTime()),
  revokedAt: z.nullable(isoDateTime()),
});
export type ApiToken = z.output<typeof apiTokenSchema>;
export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });
/** `POST /v1/tokens` (admin). */
export const apiTokenCreateSchema = z.strictObject({ name: text(100, 1), scope: z.enum(TOKEN_SCOPES) });
export type ApiTokenCreate = z.output<typeof apiTokenCreateSchema>;
/** The answer: the token's secret (`sk_…`), shown this once; only its hash is stored. */
export const apiTokenCreatedSchema = z.object({ token: apiTokenSchema, secret: z.string() });

/** One line of the audit log: who did what to which thing, when. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: isoDateTime(),
  actor: actorSchema,
  /** e.g. `follow_up.changed`, `note.added`, `responses.exported`, `token.created`, `member.role_changed`. */
  action: z.string(),
  target: z.nullable(z.object({ type: z.string(), id: z.string() })),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;
export const auditPageSchema = z.object({ items: z.array(auditEntrySchema), nextCursor: z.nullable(z.string()) });

/** What the audit log records (design: "Audit"); `GET /v1/audit?action=` takes one of these. */
export const AUDIT_ACTIONS = [
  'follow_up.changed',
  'note.added',
  'responses.exported',
  'token.created',
  'token.revoked',
  'member.invited',
  'member.role_changed',
  'member.removed',
  'member.reset_link',
  'invitation.revoked',
  'team.changed',
  'site.created',
  'webhook.created',
  'webhook.changed',
  'webhook.deleted',
  'webhook.secret_rotated',
  'webhook.replayed',
  'webhook.tested',
  'response.replied',
  'mail.preferences_changed',
  'mail.alert_recipients_changed',
  'change.created',
  'change.linked',
  'change.published',
  'people.erased',
  'site.retention_changed',
  'site.changed',
  'view.created',
  'view.renamed',
  'view.deleted',
  'playbook.changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `GET /v1/audit` (admin): newest first, a page at a time; strict, so a misspelt filter is a 400 naming it. */
export const auditQuerySchema = z.strictObject({
  /** Only this kind of change. */
  action: z.optional(z.enum(AUDIT_ACTIONS)),
  /** `nextCursor` of the page before. */
  cursor: z.optional(z.string().check(z.maxLength(500))),
  /** Page size. @default 50 */
  limit: z.optional(intParam(1, 500)),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;
