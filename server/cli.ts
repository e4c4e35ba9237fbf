import { parseArgs } from 'node:util';
import { openDatabase } from './db/open.ts';
import { UnknownTeamError } from './sites/index.ts';
import { createStore } from './store.ts';
import { readEnv } from './env.ts';

const program = process.env.ONEPOINT_PROGRAM || 'npm run collector --';
const USAGE = `usage:
  ${program} serve                                   start the collector (PORT, DATABASE_URL, …)
  ${program} sites add [--team TEAM_ID] --name NAME --origin URL [--origin URL …]
                                                    (without --team, the site gets a team of its own)
  ${program} sites list`;

/** `npm run collector -- …`: manage sites (the keys are printed once, at creation) or serve. */
async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === 'serve') {
    await import('./main.ts');
    return -1;
  }
  if (command !== 'sites' || (sub !== 'add' && sub !== 'list')) {
    console.error(USAGE);
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: { name: { type: 'string' }, team: { type: 'string' }, origin: { type: 'string', multiple: true } }, strict: true });
  const store = createStore(await openDatabase(readEnv().DATABASE_URL));
  try {
    if (sub === 'list') {
      for (const site of await store.listSites()) console.log(`${site.name}\t${site.publicKey}\t${site.origins.join(' ')}`);
      return 0;
    }
    const origins = values.origin ?? [];
    const bad = origins.find((origin) => !isOrigin(origin));
    if (!values.name || origins.length === 0 || bad) {
      console.error(bad ? `not an origin: ${bad} (scheme://host[:port], nothing after)` : USAGE);
      return 2;
    }
    const created = await store.createSite({ name: values.name, origins, ...(values.team ? { teamId: values.team } : {}) }).catch((error: unknown) => {
      if (error instanceof UnknownTeamError) return undefined;
      throw error;
    });
    if (!created) {
      console.error(`no team has the id ${values.team} (teams add prints it)`);
      return 2;
    }
    const { site, secretKey } = created;
    console.log(`site "${site.name}" created for ${origins.join(', ')}, in team ${site.teamId}
  public key (data-site-key):  ${site.publicKey}
  secret key (admin API):      ${secretKey}
The secret key is shown this once; only its hash is stored.`);
    return 0;
  } finally {
    await store.close();
  }
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
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
