import type { Logger } from 'pino';
import { createAuth, type Auth } from './auth/auth.ts';
import { identity, type Identity } from './auth/identity.ts';
import type { PasswordHasher } from './auth/password-hash.ts';
import { authSecret } from './auth/secret.ts';
import type { Driver } from './db/driver.ts';
import { noticeMail, queueMail } from './mail/index.ts';
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
  let team: Accounts | undefined;
  const now = options.now ?? Date.now;
  const auth = createAuth({
    db: options.db,
    publicUrl: options.publicUrl(),
    alsoTrusted: options.alsoTrusted ?? [],
    secret: await authSecret(options.db, options.secret),
    logger: options.logger,
    ...(options.hasher ? { hasher: options.hasher } : {}),
    onResetLink: async ({ email, token }) => {
      // A link the collector asked for itself is handed back (and mailed by whoever asked); one the
      // person asked for goes by mail only (without SMTP_URL it waits in the team's outbox).
      if (!people?.deliverResetToken(email, token)) await team?.mailSelfReset(email, token);
    },
  });
  people = identity(auth, options.now);
  team = accounts({
    teams: options.teams,
    identity: people,
    publicUrl: options.publicUrl,
    sendLink: async (mail) => {
      await options.db.transaction((tx) => queueMail(tx, { teamId: mail.teamId, kind: 'account-link', to: mail.to, ...noticeMail(mail) }, now()));
    },
  });
  return { auth, identity: people, accounts: team };
}
