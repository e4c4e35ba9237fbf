import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startCollector } from '../../server/collector.ts';
import { startDemo } from '../../demo/serve.ts';
import { freePort } from '../helpers/collector-process.ts';

/** A collector (its own SQLite file) and the demo site, on two origins, for the whole run. */
export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'onepoint-e2e-'));
  const collector = await startCollector({ databaseUrl: `file:${join(dir, 'e2e.sqlite')}`, port: 0, host: '127.0.0.1', logger: pino({ level: 'warn' }), rateLimit: { burst: 10_000, perSecond: 1000 } });
  const demoPort = await freePort();
  const { site, secretKey } = await collector.store.createSite({ name: 'e2e', origins: [`http://localhost:${demoPort}`] });
  const demo = await startDemo({ collectorUrl: collector.url, siteKey: site.publicKey, secretKey, port: demoPort });
  process.env.E2E_DEMO_URL = demo.url;
  process.env.E2E_COLLECTOR_URL = collector.url;
  process.env.E2E_SITE_KEY = site.publicKey;
  process.env.E2E_SECRET_KEY = secretKey;
  return async () => {
    await demo.close();
    await collector.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
