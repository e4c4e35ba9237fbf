import { betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Driver } from '../db/driver.ts';
import { driverAdapter } from './adapter.ts';
import { argon2Hasher, type PasswordHasher } from './password-hash.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy.ts';

/** How long a session lives without being used (sliding), and at most (absolute, checked on every request). */
export const SESSION_IDLE_SECONDS = 24 * 3600;
export const SESSION_MAX_SECONDS = 7 * 24 * 3600;
/** Invitation and password links are single-use and expire after a day (SPEC §9). */
export const LINK_TTL_SECONDS = 24 * 3600;

export interface AuthOptions {
  db: Driver;
  /** The collector as people reach it (`PUBLIC_URL`): the one origin that may change things by cookie. */
  publicUrl: string;
  /** Other origins of this same collector a browser may use (`localhost` next to `127.0.0.1`). */
  alsoTrusted?: readonly string[];
  /** Signs the session cookie; ≥ 32 characters. */
  secret: string;
  logger: Logger;
  /** Tests count calls through it; production uses argon2id. */
  hasher?: PasswordHasher;
  /** A password link was made (reset or set): mail is another issue; until then the caller keeps it. */
  onResetLink?: (link: { userId: string; email: string; token: string }) => void | Promise<void>;
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * better-auth, configured for the collector: email and password only (no public sign-up: people
 * arrive by invitation or the CLI), argon2id, sessions in our database behind an HttpOnly,
 * SameSite=Lax cookie (Secure over https), no cookie cache (a revoked session is gone at once),
 * telemetry off, its rate limiter off (sign-in is throttled per account and address in
 * `sign-in-throttle.ts`), tokens in links stored hashed.
 */
export function createAuth(options: AuthOptions) {
  const secure = options.publicUrl.startsWith('https:');
  const checkNewPassword = createAuthMiddleware(async (ctx) => {
    const body: unknown = ctx.body;
    if (ctx.path !== '/reset-password' && ctx.path !== '/change-password') return;
    const password = typeof body === 'object' && body !== null && 'newPassword' in body ? body.newPassword : undefined;
    if (typeof password !== 'string') return;
    const email = ctx.context.session?.user.email;
    const problem = passwordProblem(password, email);
    if (problem) throw new APIError('BAD_REQUEST', { code: problem.code.toUpperCase(), message: `the new password ${problem.message}` });
  });
  return betterAuth({
    appName: 'onepoint',
    baseURL: options.publicUrl,
    basePath: '/api/auth',
    secret: options.secret,
    trustedOrigins: [new URL(options.publicUrl).origin, ...(options.alsoTrusted ?? [])],
    database: driverAdapter(options.db),
    telemetry: { enabled: false },
    rateLimit: { enabled: false },
    logger: {
      level: 'warn',
      log: (level, message) => options.logger[level]({ component: 'auth' }, message),
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      password: options.hasher ?? argon2Hasher,
      resetPasswordTokenExpiresIn: LINK_TTL_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        await options.onResetLink?.({ userId: user.id, email: user.email, token });
      },
    },
    user: { modelName: 'auth_users' },
    account: { modelName: 'auth_accounts' },
    verification: { modelName: 'auth_verifications', storeIdentifier: 'hashed' },
    session: {
      modelName: 'auth_sessions',
      expiresIn: SESSION_IDLE_SECONDS,
      updateAge: 3600,
      cookieCache: { enabled: false },
      additionalFields: { activeTeamId: { type: 'string', required: false, input: false } },
    },
    hooks: { before: checkNewPassword },
    advanced: {
      cookiePrefix: 'onepoint',
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure, path: '/' },
      database: { generateId: () => randomUUID() },
      // The client address the collector already worked out (TRUST_PROXY), not a header anyone can send.
      ipAddress: { ipAddressHeaders: ['x-onepoint-client-ip'] },
    },
  });
}
