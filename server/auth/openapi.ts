import { error } from '../http/openapi-parts.ts';

const csrf = error('Not from the collector’s own origin with X-Onepoint-Csrf: 1 (csrf)');
const body = (properties: Record<string, { type: string; description?: string }>, required: string[]) => ({ required: true, content: { 'application/json': { schema: { type: 'object', properties, required } } } });
const ok = { description: 'Done (better-auth’s answer)' };

/** better-auth's endpoints the collector offers (every other one is a 404): sign-in, sessions, passwords. */
export function authPaths() {
  return {
    '/api/auth/sign-in/email': {
      post: {
        summary: 'Sign in: sets the session cookie (a new session every time)',
        requestBody: body({ email: { type: 'string' }, password: { type: 'string' } }, ['email', 'password']),
        responses: { 200: ok, 401: error('Wrong email or password — the same answer for both (invalid_email_or_password)'), 403: csrf, 429: error('Too many failed sign-ins for this account or address; see Retry-After') },
      },
    },
    '/api/auth/sign-out': { post: { summary: 'End this session', responses: { 200: ok, 403: csrf } } },
    '/api/auth/get-session': { get: { summary: 'This session and its person, or null', responses: { 200: ok } } },
    '/api/auth/revoke-sessions': { post: { summary: 'Sign out everywhere: end every session of this person', responses: { 200: ok, 401: error('Not signed in'), 403: csrf } } },
    '/api/auth/change-password': {
      post: {
        summary: 'Change one’s password (12+ characters, not a common one)',
        requestBody: body({ currentPassword: { type: 'string' }, newPassword: { type: 'string' }, revokeOtherSessions: { type: 'boolean' } }, ['currentPassword', 'newPassword']),
        responses: { 200: ok, 400: error('password_too_short, password_too_common or a wrong current password'), 401: error('Not signed in'), 403: csrf },
      },
    },
    '/api/auth/request-password-reset': {
      post: {
        summary: 'Ask for a reset link; the same neutral answer whether or not the email is known (no mail yet: ask an admin for a link)',
        requestBody: body({ email: { type: 'string' }, redirectTo: { type: 'string' } }, ['email']),
        responses: { 200: ok, 403: csrf },
      },
    },
    '/api/auth/reset-password': {
      post: {
        summary: 'Choose a new password with a single-use reset link’s token (24 h); signs the person out everywhere',
        requestBody: body({ token: { type: 'string' }, newPassword: { type: 'string' } }, ['token', 'newPassword']),
        responses: { 200: ok, 400: error('invalid_token (used or expired), password_too_short or password_too_common'), 403: csrf },
      },
    },
  };
}
