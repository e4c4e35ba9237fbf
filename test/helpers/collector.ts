import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { DEFAULT_BACKOFF } from '../../server/http/failure-backoff.ts';
import { startCollector, type CollectorOptions, type RunningCollector } from '../../server/collector.ts';

/** The engines the collector suite runs on. Postgres needs ONEPOINT_TEST_POSTGRES_URL (`.ci/run` provides it). */
export const ENGINES = [
  { name: 'sqlite' as const, available: true },
  { name: 'postgres' as const, available: Boolean(process.env.ONEPOINT_TEST_POSTGRES_URL) },
];
export type Engine = (typeof ENGINES)[number]['name'];

/** A database of its own for one suite: a temp SQLite file, or a new Postgres database. */
export async function freshDatabase(engine: Engine): Promise<{ url: string; drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'onepoint-test-'));
    return { url: `file:${join(dir, 'collector.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = process.env.ONEPOINT_TEST_POSTGRES_URL;
  if (!admin) throw new Error('ONEPOINT_TEST_POSTGRES_URL is not set');
  const name = `onepoint_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: admin });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export interface TestCollector extends RunningCollector {
  site: { publicKey: string; secretKey: string; id: string };
  logs: string[];
  databaseUrl: string;
  post(body: unknown, init?: { origin?: string | null; contentType?: string; headers?: Record<string, string> }): Promise<Response>;
  admin(path: string, init?: RequestInit): Promise<Response>;
  dispose(): Promise<void>;
}

export const ORIGIN = 'https://shop.example';

/** A real collector on a loopback port over a fresh database, with one site and its keys. */
export async function startTestCollector(engine: Engine, options: Partial<CollectorOptions> & { databaseUrl?: string } = {}): Promise<TestCollector> {
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => undefined } : await freshDatabase(engine);
  const logs: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
  const collector = await startCollector({ databaseUrl: database.url, port: 0, logger, rateLimit: { burst: 10_000, perSecond: 10_000 }, authBackoff: { ...DEFAULT_BACKOFF, free: 10_000 }, ...options });
  const { site, secretKey } = await collector.store.createSite({ name: 'Shop', origins: [ORIGIN] });
  return {
    ...collector,
    databaseUrl: database.url,
    site: { publicKey: site.publicKey, secretKey, id: site.id },
    logs,
    post: (body, init = {}) =>
      fetch(`${collector.url}/v1/responses`, {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        headers: {
          'content-type': init.contentType ?? 'application/json',
          ...(init.origin === null ? {} : { origin: init.origin ?? ORIGIN }),
          ...init.headers,
        },
      }),
    admin: (path, init = {}) => fetch(`${collector.url}${path}`, { ...init, headers: { authorization: `Bearer ${secretKey}`, ...init.headers } }),
    async dispose() {
      await collector.close();
      await database.drop();
    },
  };
}
