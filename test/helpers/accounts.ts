import pino from 'pino';
import type { Role } from '../../sdk/index.ts';
import { openAccounts, type AccountsSetup } from '../../server/accounts.ts';
import type { PasswordHasher } from '../../server/auth/password-hash.ts';
import type { TestCollector } from './collector.ts';

/** A password the policy takes. */
export const GOOD_PASSWORD = 'violet tractor sings at dawn';

/** What a team app page sends with every change: its own origin and the CSRF header. */
export function appHeaders(collector: { url: string }, cookie?: string): Record<string, string> {
  return { origin: new URL(collector.url).origin, 'x-onepoint-csrf': '1', 'content-type': 'application/json', ...(cookie ? { cookie } : {}) };
}

/** The same people and links the collector keeps, opened by the test over the collector's own database (as the CLI does). */
export function testAccounts(collector: TestCollector, hasher?: PasswordHasher): Promise<AccountsSetup> {
  return openAccounts({ db: collector.store.db, teams: collector.store.resources.teams, publicUrl: () => collector.url, logger: pino({ level: 'silent' }), ...(hasher ? { hasher } : {}) });
}

/** The `token` of a link the collector printed. */
export function tokenOf(link: string): string {
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

/** `name=value` of the session cookie a response set, or `undefined`. */
export function sessionCookie(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .find((pair) => /^(__Secure-)?onepoint\.session_token=./.test(pair));
}

export async function signIn(collector: { url: string }, email: string, password: string): Promise<Response> {
  return fetch(`${collector.url}/api/auth/sign-in/email`, { method: 'POST', headers: appHeaders(collector), body: JSON.stringify({ email, password }) });
}

export interface Person {
  userId: string;
  email: string;
  cookie: string;
  /** A request as this person's browser on the team app sends it. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

/**
 * A member of `teamId` with `role`, signed in: made the way the CLI makes one (a link to choose a
 * password), the link used through `/api/auth/reset-password`, then signed in over HTTP.
 */
export async function person(collector: TestCollector, people: AccountsSetup, input: { email: string; teamId: string; role: Role; password?: string }): Promise<Person> {
  const password = input.password ?? GOOD_PASSWORD;
  const { userId, link } = await people.accounts.addUser({ email: input.email, teamId: input.teamId, role: input.role });
  const reset = await fetch(`${collector.url}/api/auth/reset-password`, { method: 'POST', headers: appHeaders(collector), body: JSON.stringify({ token: tokenOf(link), newPassword: password }) });
  if (!reset.ok) throw new Error(`reset failed: ${reset.status} ${await reset.text()}`);
  const answer = await signIn(collector, input.email, password);
  const cookie = sessionCookie(answer);
  if (!answer.ok || !cookie) throw new Error(`sign-in failed: ${answer.status} ${await answer.text()}`);
  return {
    userId,
    email: input.email,
    cookie,
    fetch: (path, init = {}) => fetch(`${collector.url}${path}`, { ...init, headers: { ...appHeaders(collector, cookie), ...(init.headers as Record<string, string> | undefined) } }),
  };
}

/** A new team owning the collector's test site (as `sites add --team` would have made it). */
export async function teamWithSite(collector: TestCollector, name = 'Shop team'): Promise<string> {
  const team = await collector.store.resources.teams.createTeam({ name });
  await collector.store.db.run('UPDATE sites SET team_id = ? WHERE id = ?', [team.id, collector.site.id]);
  return team.id;
}
