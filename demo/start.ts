// npm start: build the widget, start the collector on its embedded SQLite database, and serve the
// demo from another origin, as in real life. The demo site is created on the first run; a second
// run finds its data (and keys) where the first left them. Ctrl-C stops everything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { startCollector } from '../server/collector.ts';
import { DEFAULT_DATABASE_URL } from '../server/db/open.ts';
import { createLogger } from '../server/logger.ts';
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
const demo = await startDemo({ collectorUrl: collector.url, siteKey: keys.publicKey, secretKey: keys.secretKey, port: demoPort });

console.log(`
onepoint is running
  demo        ${demo.url}
  collector   ${collector.url}   (data: ${databaseUrl.replace(/^file:/, '')})
  team app    ${collector.url}/
  demo keys   public ${keys.publicKey}   secret ${keys.secretKey}${keys.created ? '   (new site)' : ''}
Ctrl-C to stop. Requests appear below.
`);
logger.level = level;

async function demoSite(): Promise<{ publicKey: string; secretKey: string; created: boolean }> {
  if (existsSync(keysFile)) {
    const saved: unknown = JSON.parse(readFileSync(keysFile, 'utf8'));
    if (typeof saved === 'object' && saved !== null && 'publicKey' in saved && 'secretKey' in saved && typeof saved.publicKey === 'string' && typeof saved.secretKey === 'string') {
      if (await collector.store.siteByPublicKey(saved.publicKey)) return { publicKey: saved.publicKey, secretKey: saved.secretKey, created: false };
    }
  }
  const origins = [`http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`];
  const { site, secretKey } = await collector.store.createSite({ name: 'onepoint demo', origins });
  mkdirSync('.data', { recursive: true });
  writeFileSync(keysFile, `${JSON.stringify({ publicKey: site.publicKey, secretKey }, null, 2)}\n`, { mode: 0o600 });
  return { publicKey: site.publicKey, secretKey, created: true };
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
