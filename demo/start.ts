// npm start: build the widget, start the collector on its embedded SQLite database, and serve the
// demo from another origin, as in real life. The demo site is created on the first run; a second
// run finds its data (and keys) where the first left them. Ctrl-C stops everything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { startCollector } from '../server/collector.ts';
import { DEFAULT_DATABASE_URL } from '../server/db/open.ts';
import { createLogger } from '../server/logger.ts';
import { openAccounts } from '../server/accounts.ts';
import { startDemo } from './serve.ts';

const collectorPort = Number(process.env.COLLECTOR_PORT ?? 8787);
const demoPort = Number(process.env.DEMO_PORT ?? 5173);
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const keysFile = '.data/demo-site.json';

if (process.env.SKIP_BUILD !== '1') {
  // On stderr: stdout holds the banner and the log lines, nothing else.
  console.error('building the widget…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Readable lines on a terminal, JSON otherwise. Quiet until the banner is out: start-up chatter
// would bury it; the request lines come after it.
const level = process.env.LOG_LEVEL ?? 'info';
const logger = createLogger({ level: level === 'debug' || level === 'trace' ? level : 'warn' });
const collector = await startCollector({ databaseUrl, port: collectorPort, host: '127.0.0.1', logger });
const keys = await demoSite();
const signIn = await demoAdmin(keys.teamId);
const demo = await startDemo({ collectorUrl: collector.url, siteKey: keys.publicKey, port: demoPort });

console.log(`
onepoint is running
  demo        ${demo.url}
  collector   ${collector.url}   (data: ${databaseUrl.replace(/^file:/, '')})
  team app    ${signIn}
  demo keys   public ${keys.publicKey}   secret ${keys.secretKey}${keys.created ? '   (new site)' : ''}
Ctrl-C to stop. Requests appear below.
`);
logger.level = level;

async function demoSite(): Promise<{ publicKey: string; secretKey: string; teamId: string; created: boolean }> {
  if (existsSync(keysFile)) {
    const saved: unknown = JSON.parse(readFileSync(keysFile, 'utf8'));
    if (typeof saved === 'object' && saved !== null && 'publicKey' in saved && 'secretKey' in saved && typeof saved.publicKey === 'string' && typeof saved.secretKey === 'string') {
      const site = await collector.store.siteByPublicKey(saved.publicKey);
      if (site) return { publicKey: saved.publicKey, secretKey: saved.secretKey, teamId: site.teamId, created: false };
    }
  }
  const origins = [`http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`];
  // Without a team, the site gets a team of its own: the demo team.
  const { site, secretKey } = await collector.store.createSite({ name: 'onepoint demo', origins });
  mkdirSync('.data', { recursive: true });
  writeFileSync(keysFile, `${JSON.stringify({ publicKey: site.publicKey, secretKey }, null, 2)}\n`, { mode: 0o600 });
  return { publicKey: site.publicKey, secretKey, teamId: site.teamId, created: true };
}

/**
 * The demo team's admin (`DEMO_ADMIN_EMAIL`, you@example.com): until they have chosen a password,
 * each start prints a fresh one-time link (an invitation: choose a password, land signed in);
 * afterwards, where to sign in.
 */
async function demoAdmin(teamId: string): Promise<string> {
  const email = process.env.DEMO_ADMIN_EMAIL ?? 'you@example.com';
  const { identity, accounts } = await openAccounts({ db: collector.store.db, teams: collector.store.resources.teams, publicUrl: () => collector.url, logger });
  const user = await identity.userByEmail(email);
  if (user && (await identity.hasPassword(user.id))) return `${collector.url}/   (sign in as ${email})`;
  const { link } = await accounts.invite({ teamId, email, role: 'admin', invitedBy: null });
  return `${link}   (one use: choose a password as ${email})`;
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.error('\nstopping…');
    await demo.close();
    await collector.close();
    process.exit(0);
  });
}
