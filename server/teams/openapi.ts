import {
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
} from '../../sdk/index.ts';
import { admin, content, error, json, pathParameter } from '../http/openapi-parts.ts';

const unauthorized = error('Not signed in, or an unknown token');
const notAdmin = error('Not an admin of the team');
const badBody = error('Not JSON, or not valid: issues name each field');

/** The team's named schemas (SPEC §9). */
export function teamSchemas() {
  return {
    Me: json(meSchema),
    SwitchTeam: json(switchTeamSchema),
    Team: json(teamSchema),
    TeamChange: json(teamChangeSchema),
    Member: json(memberSchema),
    MemberList: json(memberListSchema),
    MemberChange: json(memberChangeSchema),
    InvitationList: json(invitationListSchema),
    InvitationCreate: json(invitationCreateSchema),
    InvitationCreated: json(invitationCreatedSchema),
    InvitationLookup: json(invitationLookupSchema),
    InvitationAccept: json(invitationAcceptSchema),
    InvitationAccepted: json(invitationAcceptedSchema),
    ResetLink: json(resetLinkSchema),
  };
}

/** The team's routes: who is asking, the team, members and roles, invitations and password links. */
export function teamPaths() {
  return {
    '/v1/me': {
      get: { summary: 'Who is asking: the actor, the person, the current team and role, their other teams, the sites they read (viewer)', security: admin, responses: { 200: { description: 'Me', content: content('Me') }, 401: unauthorized, 403: error('Not a member of any team') } },
    },
    '/v1/me/team': {
      post: {
        summary: 'Work in another of one’s teams from now on (a session only)',
        security: admin,
        requestBody: { required: true, content: content('SwitchTeam') },
        responses: { 204: { description: 'Switched' }, 400: badBody, 401: unauthorized, 403: error('A token, or a change without the CSRF check'), 404: error('Not a member of that team') },
      },
    },
    '/v1/team': {
      get: { summary: 'The current team (viewer)', security: admin, responses: { 200: { description: 'The team', content: content('Team') }, 401: unauthorized } },
      patch: {
        summary: 'Rename the team or change its follow-up SLA in days (admin)',
        security: admin,
        requestBody: { required: true, content: content('TeamChange') },
        responses: { 200: { description: 'The team', content: content('Team') }, 400: badBody, 401: unauthorized, 403: notAdmin },
      },
    },
    '/v1/members': {
      get: { summary: 'The team’s members and their roles (viewer)', security: admin, responses: { 200: { description: 'Members', content: content('MemberList') }, 401: unauthorized } },
    },
    '/v1/members/{userId}': {
      patch: {
        summary: 'Change a member’s role (admin); the last admin cannot be demoted',
        security: admin,
        parameters: [pathParameter('userId')],
        requestBody: { required: true, content: content('MemberChange') },
        responses: { 200: { description: 'The member', content: content('Member') }, 400: badBody, 401: unauthorized, 403: notAdmin, 404: error('No such member in this team'), 409: error('The team’s last admin (last_admin)') },
      },
      delete: {
        summary: 'Remove a member from the team (admin); their follow-ups keep their name',
        security: admin,
        parameters: [pathParameter('userId')],
        responses: { 204: { description: 'Removed' }, 401: unauthorized, 403: notAdmin, 404: error('No such member in this team'), 409: error('The team’s last admin (last_admin)') },
      },
    },
    '/v1/members/{userId}/reset-link': {
      post: {
        summary: 'A single-use link (24 h) for the member to choose a new password, to hand over (admin)',
        security: admin,
        parameters: [pathParameter('userId')],
        responses: { 201: { description: 'The link', content: content('ResetLink') }, 401: unauthorized, 403: notAdmin, 404: error('No such member in this team') },
      },
    },
    '/v1/invitations': {
      get: { summary: 'Open invitations, newest first (admin)', security: admin, responses: { 200: { description: 'Invitations', content: content('InvitationList') }, 401: unauthorized, 403: notAdmin } },
      post: {
        summary: 'Invite an email with a role: a single-use link (24 h) to hand over (admin)',
        security: admin,
        requestBody: { required: true, content: content('InvitationCreate') },
        responses: { 201: { description: 'The invitation and its link', content: content('InvitationCreated') }, 400: badBody, 401: unauthorized, 403: notAdmin },
      },
    },
    '/v1/invitations/{id}': {
      delete: { summary: 'Revoke an open invitation (admin)', security: admin, parameters: [pathParameter('id')], responses: { 204: { description: 'Revoked' }, 401: unauthorized, 403: notAdmin, 404: error('No open invitation with this id') } },
    },
    '/v1/invitations/lookup': {
      get: {
        summary: 'What an invitation link is for, without using it (public)',
        parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'The invitation', content: content('InvitationLookup') }, 400: error('No token'), 404: error('Used, revoked or expired (invalid_token)'), 429: error('Too many wrong links; see Retry-After') },
      },
    },
    '/v1/invitations/accept': {
      post: {
        summary: 'Join the team by the link; someone without a password chooses one here (public, CSRF-checked)',
        requestBody: { required: true, content: content('InvitationAccept') },
        responses: {
          200: { description: 'Joined: now sign in with that email', content: content('InvitationAccepted') },
          400: error('password_required, password_too_short or password_too_common (the link still works), or a bad body'),
          403: error('Not from the collector’s own origin with X-Onepoint-Csrf: 1'),
          404: error('Used, revoked or expired (invalid_token)'),
          429: error('Too many wrong links; see Retry-After'),
        },
      },
    },
  };
}
