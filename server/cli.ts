import { parseArgs } from 'node:util';
import { openAccounts } from './accounts.ts';
import { openDatabase } from './db/open.ts';
import { createStore, type Store } from './store.ts';
import { readEnv } from './env.ts';
import { createLogger } from './logger.ts';
import { isOrigin, ROLES, type Role } from '../sdk/index.ts';

const program = process.env.ONEPOINT_PROGRAM || 'npm run collector --';
const USAGE = `usage:
  ${program} serve                                     start the collector (PORT, DATABASE_URL, PUBLIC_URL, …)
  ${program} teams add --name NAME                     prints the team id
  ${program} teams list
  ${program} users add --email EMAIL --team TEAM_ID --role admin|member|viewer
                                                       prints a one-time link to set a password (24 h)
  ${program} sites add --name NAME --origin URL [--origin URL …] [--team TEAM_ID]
                                                       prints the site's keys; without --team, a new team
  ${program} sites list`;

type Command = (store: Store, values: Record<string, string | string[] | undefined>) => Promise<number>;

const COMMANDS: Record<string, { options: Record<string, { type: 'string'; multiple?: boolean }>; run: Command }> = {
  'teams add': {
    options: { name: { type: 'string' } },
    async run(store, { name }) {
      if (typeof name !== 'string' || !name.trim()) return usage('--name is required');
      const team = await store.resources.teams.createTeam({ name: name.trim() });
      console.log(team.id);
      return 0;
    },
  },
  'teams list': {
    options: {},
    async run(store) {
      for (const team of await store.resources.teams.listTeams()) console.log(`${team.id}\t${team.name}`);
      return 0;
    },
  },
  'users add': {
    options: { email: { type: 'string' }, team: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
    async run(store, { email, team, role, name }) {
      if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return usage('--email must be an email address');
      if (typeof team !== 'string') return usage('--team TEAM_ID is required');
      if (!(await store.resources.teams.team(team))) return usage(`no team has the id ${team} (${program} teams list)`);
      if (!isRole(role)) return usage(`--role must be one of ${ROLES.join(', ')}`);
      const env = readEnv();
      const people = await openAccounts({
        db: store.db,
        teams: store.resources.teams,
        publicUrl: () => env.PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`,
        logger: createLogger({ level: 'warn' }),
        ...(env.AUTH_SECRET ? { secret: env.AUTH_SECRET } : {}),
      });
      const added = await people.accounts.addUser({ email, teamId: team, role, ...(typeof name === 'string' ? { name } : {}) });
      console.log(`${added.created ? 'user created' : 'existing user'} ${email.toLowerCase()} is ${role} of the team
  set a password (one use, 24 h): ${added.link}`);
      return 0;
    },
  },
  'sites add': {
    options: { name: { type: 'string' }, origin: { type: 'string', multiple: true }, team: { type: 'string' } },
    async run(store, { name, origin, team }) {
      const origins = Array.isArray(origin) ? origin : [];
      const bad = origins.find((value) => !isOrigin(value));
      if (typeof name !== 'string' || origins.length === 0 || bad) return usage(bad ? `not an origin: ${bad} (scheme://host[:port], nothing after)` : '--name and at least one --origin are required');
      if (typeof team === 'string' && !(await store.resources.teams.team(team))) return usage(`no team has the id ${team} (${program} teams list)`);
      const { site, secretKey } = await store.createSite({ name, origins, ...(typeof team === 'string' ? { teamId: team } : {}) });
      console.log(`site "${site.name}" created for ${origins.join(', ')} in team ${site.teamId}
  public key (data-site-key):  ${site.publicKey}
  secret key (admin API):      ${secretKey}
The secret key is shown this once; only its hash is stored.`);
      return 0;
    },
  },
  'sites list': {
    options: {},
    async run(store) {
      for (const site of await store.listSites()) console.log(`${site.name}\t${site.publicKey}\t${site.origins.join(' ')}`);
      return 0;
    },
  },
};

/** `npm run collector -- …`: teams, users and sites (keys and links are printed once), or serve. */
async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === 'serve') {
    await import('./main.ts');
    return -1;
  }
  const entry = COMMANDS[`${command} ${sub}`];
  if (!entry) return usage();
  let values: Record<string, string | string[] | undefined>;
  try {
    values = parseArgs({ args: rest, options: entry.options, strict: true }).values;
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const store = createStore(await openDatabase(readEnv().DATABASE_URL));
  try {
    return await entry.run(store, values);
  } finally {
    await store.close();
  }
}

function usage(problem?: string): number {
  console.error(problem ? `${problem}\n${USAGE}` : USAGE);
  return 2;
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`collector: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
