import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startDemo } from '../../demo/serve.ts';
import type { RateLimitOptions } from '../../server/http/rate-limit.ts';
import { startCollector, type RunningCollector } from '../../server/collector.ts';
import { freePort } from './collector-process.ts';

export interface DemoStack {
  collector: RunningCollector;
  demoUrl: string;
  siteKey: string;
  secretKey: string;
  close(): Promise<void>;
}

/**
 * A collector on a throwaway SQLite file and the demo site on another origin, with one site
 * that allows the demo: what the end-to-end suite and the screenshots run against.
 */
export async function startDemoStack(options: { rateLimit?: RateLimitOptions } = {}): Promise<DemoStack> {
  const dir = mkdtempSync(join(tmpdir(), 'onepoint-demo-'));
  // Webhooks may reach loopback: the specs' receivers listen on 127.0.0.1 (WEBHOOK_ALLOW_PRIVATE=1).
  const collector = await startCollector({ databaseUrl: `file:${join(dir, 'collector.sqlite')}`, port: 0, host: '127.0.0.1', logger: pino({ level: 'warn' }), webhooks: { allowPrivate: true }, ...options });
  const demoPort = await freePort();
  const { site, secretKey } = await collector.store.createSite({ name: 'demo', origins: [`http://localhost:${demoPort}`] });
  const demo = await startDemo({ collectorUrl: collector.url, siteKey: site.publicKey, port: demoPort });
  return {
    collector,
    demoUrl: demo.url,
    siteKey: site.publicKey,
    secretKey,
    async close() {
      await demo.close();
      await collector.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
