import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseReadOnlyError } from '../../server/db/database-read-only-error.ts';
import { openDatabase } from '../../server/db/open.ts';
import { postgresDriver } from '../../server/db/postgres-driver.ts';
import { createStore } from '../../server/store.ts';
import { probeWrite } from '../../server/db/write-probe.ts';
import { freshDatabase, ORIGIN, startTestCollector } from '../helpers/collector.ts';
import { freePort } from '../helpers/collector-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'onepoint-operator-'));
chmodSync(dir, 0o755); // others may pass through to the folders below
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Root writes through any file mode, so as root the collector runs as `nobody`, for whom a
// read-only file really is read-only (and tests written as root then prove nothing).
const NOBODY = 65534;
const asUnprivileged = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};

/** Runs a collector entry point until it exits (killed after 20 s: it should never get to serve). */
async function runToExit(entry: string[], env: Record<string, string>, user: { uid?: number; gid?: number } = {}) {
  const port = env.PORT ?? String(await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', ...entry], { env: { ...process.env, HOST: '127.0.0.1', PORT: port, ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...user });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(killer);
  return { code, stdout, stderr };
}

/** One line on stderr naming the fault, nothing served, no stack trace. */
function expectOneLine(result: { code: number | null; stdout: string; stderr: string }, line: RegExp) {
  expect(result.stdout, result.stdout).not.toContain('collector listening');
  expect(result.stderr.trimEnd().split('\n'), result.stderr).toEqual([expect.stringMatching(line)]);
  expect(result.code).toBe(1);
}

async function sqliteWithSite(name: string): Promise<{ folder: string; file: string }> {
  const folder = join(dir, name);
  const file = join(folder, 'collector.sqlite');
  const store = createStore(await openDatabase(`file:${file}`));
  await store.createSite({ name: 'Shop', origins: [ORIGIN] });
  await store.close();
  return { folder, file };
}

describe('a database the collector cannot write', () => {
  it('SQLite file read-only (its folder writable): refuses to start, in one line', async () => {
    const { folder, file } = await sqliteWithSite('read-only-file');
    chmodSync(folder, 0o777); // the -wal and -shm files can be made: SQLite opens the file, read-only
    chmodSync(file, 0o444);
    const result = await runToExit(['server/main.ts'], { DATABASE_URL: `file:${file}` }, asUnprivileged);
    expectOneLine(result, /^collector: cannot write to the SQLite file .*collector\.sqlite \(attempt to write a readonly database\); give the collector write access to the file and its folder$/);
  }, 30_000);

  it('SQLite file and folder read-only: refuses to start, in one line', async () => {
    const { folder, file } = await sqliteWithSite('read-only-folder');
    chmodSync(file, 0o444);
    chmodSync(folder, 0o555);
    const result = await runToExit(['server/main.ts'], { DATABASE_URL: `file:${file}` }, asUnprivileged);
    expectOneLine(result, /^collector: cannot open the SQLite file .*collector\.sqlite: attempt to write a readonly database$/);
  }, 30_000);

  describe('on Postgres', () => {
    if (!process.env.ONEPOINT_TEST_POSTGRES_URL) {
      it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
      return;
    }
    const readOnly = (url: string) => {
      const parsed = new URL(url);
      parsed.searchParams.set('options', '-c default_transaction_read_only=on');
      return parsed.toString();
    };

    it('a read-only session: refuses to start, in one line, without the URL (it may hold a password)', async () => {
      const database = await freshDatabase('postgres');
      try {
        const result = await runToExit(['server/main.ts'], { DATABASE_URL: readOnly(database.url) });
        expectOneLine(result, /^collector: cannot open the Postgres database [^ ]+\/onepoint_test_\w+: cannot execute CREATE TABLE in a read-only transaction$/);
        expect(result.stderr).not.toContain('postgres://');
      } finally {
        await database.drop();
      }
    }, 30_000);

    it('the write probe tells a read-only session from a writable one', async () => {
      const database = await freshDatabase('postgres');
      const writable = postgresDriver(database.url);
      const refusing = postgresDriver(readOnly(database.url));
      try {
        await expect(probeWrite(writable)).resolves.toBeUndefined();
        await expect(probeWrite(refusing)).rejects.toBeInstanceOf(DatabaseReadOnlyError);
      } finally {
        await writable.close();
        await refusing.close();
        await database.drop();
      }
    });

    it('/healthz answers 503 once the database stops taking writes', async () => {
      const collector = await startTestCollector('postgres');
      const name = new URL(collector.databaseUrl).pathname.slice(1);
      const admin = new pg.Client({ connectionString: process.env.ONEPOINT_TEST_POSTGRES_URL });
      await admin.connect();
      try {
        expect((await fetch(`${collector.url}/healthz`)).status).toBe(200);
        // As after a failover to a standby: new sessions are read-only, the old ones are gone.
        await admin.query(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
        // A pooled session that was just cut off fails too (also a 503): ask until a new session answers.
        const saysReadOnly = () => collector.logs.some((line) => line.includes('health check failed') && line.includes('session is read-only'));
        let health: Response | undefined;
        for (let tries = 0; tries < 20 && !saysReadOnly(); tries++) health = await fetch(`${collector.url}/healthz`);
        expect(saysReadOnly()).toBe(true);
        expect(health?.status).toBe(503);
        expect(await health?.json()).toMatchObject({ error: { code: 'database_unavailable' } });
        await admin.query(`ALTER DATABASE ${name} SET default_transaction_read_only = off`);
      } finally {
        await admin.end();
        await collector.dispose();
      }
    });
  });
});

describe('a port already in use', () => {
  it.each([
    ['server/main.ts', ['server/main.ts']],
    ['npm run collector -- serve', ['server/cli.ts', 'serve']],
  ])('%s: one line naming the port and the fix, exit code 1', async (_label, entry) => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    try {
      const result = await runToExit(entry, { PORT: String(address.port), DATABASE_URL: `file:${join(dir, 'port.sqlite')}` });
      expectOneLine(result, new RegExp(`^collector: port ${address.port} is already in use \\(set PORT\\)$`));
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  }, 30_000);
});

describe('a client that hangs up in the middle of its body', () => {
  it.each([
    ['with a Content-Length', 'Content-Length: 1000\r\n\r\n{"id":"0000'],
    ['chunked', 'Transfer-Encoding: chunked\r\n\r\n10\r\n{"id":"000000000\r\n'],
  ])('%s: logged at info as aborted by the client, never as an error', async (_label, rest) => {
    const collector = await startTestCollector('sqlite');
    try {
      const socket = connect(collector.port, '127.0.0.1');
      await once(socket, 'connect');
      socket.write(`POST /v1/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nOrigin: ${ORIGIN}\r\n${rest}`);
      // Close once the collector has begun reading the body (the request line is logged only at the end).
      await new Promise((resolve) => setTimeout(resolve, 100));
      socket.destroy();
      const entries = async () => collector.logs.map((line) => JSON.parse(line) as { level: number; msg: string; status?: number });
      for (let tries = 0; tries < 100 && !(await entries()).some((entry) => entry.msg === 'request'); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
      const logged = await entries();
      expect(logged.filter((entry) => entry.level >= 50)).toEqual([]);
      expect(logged).toContainEqual(expect.objectContaining({ level: 30, msg: 'request aborted by client' }));
      expect(logged).toContainEqual(expect.objectContaining({ msg: 'request', status: 400 }));
      // The collector is none the worse: the next post is taken.
      const next = await collector.post({ id: '00000000-0000-4000-8000-00000000abcd', siteKey: collector.site.publicKey, surveyId: 'nps', seq: 1, score: 9, status: 'partial', anonymousId: 'v', context: { url: 'https://shop.example/', locale: 'en', createdAt: '2026-11-22T10:00:00.000Z' } });
      expect(next.status).toBe(200);
    } finally {
      await collector.dispose();
    }
  });
});
