import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { openDatabase } from '../../server/db/open.ts';
import { createStore, withResources, type Store } from '../../server/store.ts';
import { createApp, type AppOptions } from '../../server/app.ts';
import { freshDatabase, ORIGIN, type Engine } from './collector.ts';

/** The store methods a throttling test counts calls of. */
export type Counted = 'listSites' | 'siteByPublicKey' | 'siteBySecret';

export interface CountingApp {
  url: string;
  site: { publicKey: string; secretKey: string };
  /** Store calls made since the start (or the last `reset`). */
  calls: Record<Counted, number>;
  reset(): void;
  /** The store itself, uncounted: for setting the scene. */
  store: Store;
  /** The app's clock, in ms: tests move it by hand. */
  clock: { now: number };
  close(): Promise<void>;
}

/**
 * The collector's app on a real database and a loopback port, with a store that counts the
 * lookups a request makes and a clock the test moves: what throttling must save is store calls.
 */
export async function startCountingApp(engine: Engine, options: Partial<Pick<AppOptions, 'rateLimit' | 'trustProxy'>> = {}): Promise<CountingApp> {
  const database = await freshDatabase(engine);
  const store = createStore(await openDatabase(database.url));
  const calls: Record<Counted, number> = { listSites: 0, siteByPublicKey: 0, siteBySecret: 0 };
  const { sites } = store.resources;
  const counting = withResources(
    {
      ...store.resources,
      sites: {
        ...sites,
        listSites: () => (calls.listSites++, sites.listSites()),
        siteByPublicKey: (key) => (calls.siteByPublicKey++, sites.siteByPublicKey(key)),
        siteBySecret: (key) => (calls.siteBySecret++, sites.siteBySecret(key)),
      },
    },
    store.close,
    store.db,
  );
  const { site, secretKey } = await store.createSite({ name: 'Shop', origins: [ORIGIN] });
  const clock = { now: Date.parse('2026-11-22T10:00:00Z') };
  const app = createApp({ store: counting, logger: pino({ level: 'silent' }), now: () => clock.now, ...options });
  const server: ServerType = await new Promise((resolve) => {
    const listening = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    site: { publicKey: site.publicKey, secretKey },
    calls,
    store,
    reset: () => Object.assign(calls, { listSites: 0, siteByPublicKey: 0, siteBySecret: 0 }),
    clock,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await store.close();
      await database.drop();
    },
  };
}
