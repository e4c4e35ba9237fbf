import type { Logger } from 'pino';
import { createAuth, type Auth } from './auth/auth.ts';
import { identity, type Identity } from './auth/identity.ts';
import type { PasswordHasher } from './auth/password-hash.ts';
import { authSecret } from './auth/secret.ts';
import type { Driver } from './db/driver.ts';
import { accounts, type Accounts } from './teams/accounts.ts';
import type { TeamsStore } from './teams/store.ts';

export interface AccountsSetup {
  auth: Auth;
  identity: Identity;
  accounts: Accounts;
}

/**
 * better-auth over the collector's database, the people and links it keeps, and the team
 * accounts built on them: what the app and the CLI (`users add`) share.
 */
export async function openAccounts(options: {
  db: Driver;
  teams: TeamsStore;
  publicUrl: () => string;
  alsoTrusted?: readonly string[];
  secret?: string;
  logger: Logger;
  hasher?: PasswordHasher;
  now?: () => number;
}): Promise<AccountsSetup> {
  let people: Identity | undefined;
  const auth = createAuth({
    db: options.db,
    publicUrl: options.publicUrl(),
    alsoTrusted: options.alsoTrusted ?? [],
    secret: await authSecret(options.db, options.secret),
    logger: options.logger,
    ...(options.hasher ? { hasher: options.hasher } : {}),
    onResetLink: ({ email, token }) => {
      // No mail yet: a reset nobody in the collector asked for (self-service) is only logged.
      if (!people?.deliverResetToken(email, token)) options.logger.info({ component: 'auth' }, 'password reset requested; no mail is configured, so an admin must hand over a reset link');
    },
  });
  people = identity(auth, options.now);
  return { auth, identity: people, accounts: accounts({ teams: options.teams, identity: people, publicUrl: options.publicUrl }) };
}
