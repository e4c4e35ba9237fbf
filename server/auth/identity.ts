import { randomBytes } from 'node:crypto';
import type { Auth } from './auth.ts';
import { LINK_TTL_SECONDS } from './auth.ts';

/** A single-use link's purpose: the prefix of its token's identifier in better-auth's verification table. */
export type LinkKind = 'invite';

/**
 * People and single-use links, through better-auth's own internal adapter: users, credentials
 * (hashed by its configured argon2id) and verification values (stored hashed, consumed
 * atomically). Nothing here hashes or compares secrets itself.
 */
export function identity(auth: Auth, now: () => number = Date.now) {
  const context = () => auth.$context;
  /** Reset tokens handed to `resetLink` by better-auth's `sendResetPassword`, per email. */
  const waiting = new Map<string, (token: string) => void>();

  return {
    async userByEmail(email: string) {
      return (await (await context()).internalAdapter.findUserByEmail(email.toLowerCase()))?.user ?? undefined;
    },

    async userById(id: string) {
      return (await (await context()).internalAdapter.findUserById(id)) ?? undefined;
    },

    /** The person with this email, created (without a password) if there is none yet. */
    async ensureUser(email: string, name?: string) {
      const ctx = await context();
      const found = await ctx.internalAdapter.findUserByEmail(email.toLowerCase());
      if (found) return found.user;
      return ctx.internalAdapter.createUser({ email: email.toLowerCase(), name: name ?? email.split('@')[0] ?? email, emailVerified: false }, { method: 'admin' });
    },

    async hasPassword(userId: string): Promise<boolean> {
      const account = await (await context()).internalAdapter.findCredentialAccount(userId);
      return Boolean(account?.password);
    },

    /** Sets the first password of someone who has none (an accepted invitation). */
    async setFirstPassword(userId: string, password: string): Promise<void> {
      const ctx = await context();
      const hash = await ctx.password.hash(password);
      if (await ctx.internalAdapter.findCredentialAccount(userId)) await ctx.internalAdapter.updatePassword(userId, hash);
      else await ctx.internalAdapter.createAccount({ userId, providerId: 'credential', accountId: userId, password: hash });
    },

    async rename(userId: string, name: string): Promise<void> {
      await (await context()).internalAdapter.updateUser(userId, { name });
    },

    /** A new single-use token for `value`, valid {@link LINK_TTL_SECONDS}. */
    async issueToken(kind: LinkKind, value: string): Promise<string> {
      const token = randomBytes(32).toString('base64url');
      await (await context()).internalAdapter.createVerificationValue({ identifier: `${kind}:${token}`, value, expiresAt: new Date(now() + LINK_TTL_SECONDS * 1000) });
      return token;
    },

    /** What the token stands for, if it is still valid, without using it up. */
    async peekToken(kind: LinkKind, token: string): Promise<string | undefined> {
      const found = await (await context()).internalAdapter.findVerificationValue(`${kind}:${token}`);
      return found && found.expiresAt.getTime() > now() ? found.value : undefined;
    },

    /** Uses the token up: the first caller gets its value, every later one `undefined`. */
    async consumeToken(kind: LinkKind, token: string): Promise<string | undefined> {
      const found = await (await context()).internalAdapter.consumeVerificationValue(`${kind}:${token}`);
      return found && found.expiresAt.getTime() > now() ? found.value : undefined;
    },

    /**
     * A password reset token for this person, from better-auth's own reset flow (so that its
     * `/reset-password` accepts it, once, for 24 h). Passed to {@link deliverResetToken} by the
     * auth config's `sendResetPassword`.
     */
    async resetToken(email: string): Promise<string> {
      const key = email.toLowerCase();
      const token = new Promise<string>((resolve) => waiting.set(key, resolve));
      try {
        await auth.api.requestPasswordReset({ body: { email: key, redirectTo: '/reset-password' } });
        return await Promise.race([token, new Promise<string>((_resolve, reject) => setTimeout(() => reject(new Error(`no reset token was made for ${key}`)), 5000).unref())]);
      } finally {
        waiting.delete(key);
      }
    },

    /** better-auth made a reset token: hand it to whoever asked for it; `false` when nobody did (a self-service request). */
    deliverResetToken(email: string, token: string): boolean {
      const resolve = waiting.get(email.toLowerCase());
      resolve?.(token);
      return Boolean(resolve);
    },
  };
}

export type Identity = ReturnType<typeof identity>;
