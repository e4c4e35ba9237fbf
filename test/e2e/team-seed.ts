import pino from 'pino';
import type { Role } from '../../sdk/index.ts';
import { openAccounts } from '../../server/accounts.ts';
import type { RunningCollector } from '../../server/collector.ts';

/** The password every seeded person chooses (the collector's policy takes it). */
export const TEAM_PASSWORD = 'violet tractor sings at dawn';

/** The people the team app's specs sign in as, each for one purpose (sign-in throttling is per account). */
export const SEEDED = {
  admin: { email: 'ada.admin@team.example', name: 'Ada Admin', role: 'admin' },
  viewer: { email: 'vic.viewer@team.example', name: 'Vic Viewer', role: 'viewer' },
  keyboard: { email: 'kim.keys@team.example', name: 'Kim Keys', role: 'member' },
  throttled: { email: 'tom.tries@team.example', name: 'Tom Tries', role: 'member' },
  changer: { email: 'cat.changes@team.example', name: 'Cat Changes', role: 'viewer' },
  inbox: { email: 'ivy.inbox@team.example', name: 'Ivy Inbox', role: 'member' },
} as const satisfies Record<string, { email: string; name: string; role: Role }>;

/**
 * A team owning the demo site, with the {@link SEEDED} people (each with {@link TEAM_PASSWORD}),
 * made the way the CLI makes members (`users add`: a link to choose a password, then the link
 * used over HTTP); the admin is also in a second team, for the team switcher.
 */
export async function seedTeam(collector: RunningCollector, siteKey: string): Promise<void> {
  const { db, resources } = collector.store;
  const setup = await openAccounts({ db, teams: resources.teams, publicUrl: () => collector.url, logger: pino({ level: 'silent' }) });
  const team = await resources.teams.createTeam({ name: 'Acme support' });
  const site = await collector.store.siteByPublicKey(siteKey);
  if (!site) throw new Error('the demo site is missing');
  await db.run('UPDATE sites SET team_id = ? WHERE id = ?', [team.id, site.id]);
  const other = await resources.teams.createTeam({ name: 'Beta labs' });
  for (const person of Object.values(SEEDED)) {
    const { link } = await setup.accounts.addUser({ email: person.email, name: person.name, teamId: team.id, role: person.role });
    const token = new URL(link).searchParams.get('token') ?? '';
    const set = await fetch(`${collector.url}/api/auth/reset-password`, {
      method: 'POST',
      headers: { origin: new URL(collector.url).origin, 'x-onepoint-csrf': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ token, newPassword: TEAM_PASSWORD }),
    });
    if (!set.ok) throw new Error(`could not set ${person.email}'s password: ${set.status} ${await set.text()}`);
  }
  await setup.accounts.addUser({ email: SEEDED.admin.email, teamId: other.id, role: 'admin' });
}
