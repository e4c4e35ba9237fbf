import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open.ts';
import { createStore } from '../../server/store.ts';
import type { ResponsePayload } from '../../sdk/index.ts';
import { ORIGIN } from '../helpers/collector.ts';
import { spawnCollector } from '../helpers/collector-process.ts';
import { makePayload } from '../helpers/payload.ts';

// SQLite only: one writer per file, and better-sqlite3 waits for the lock synchronously. Postgres
// takes concurrent writers and its waits are asynchronous; nothing there freezes the process.
const HOLD_MS = 4000;
const CONCURRENT_POSTS = 200;

const dir = mkdtempSync(join(tmpdir(), 'onepoint-busy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Another process (a backup, a CLI, the sqlite3 shell) holding the write lock for `ms`, then releasing it. */
function holdWriteLock(file: string, ms: number) {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.pragma('busy_timeout = 10000');
    db.exec('BEGIN IMMEDIATE');
    console.log('locked');
    setTimeout(() => { db.exec('COMMIT'); console.log('released'); db.close(); }, ${ms});`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  return { child, lines, exited: once(child, 'exit') };
}

const post = (url: string, payload: ResponsePayload) =>
  fetch(`${url}/v1/responses`, { method: 'POST', body: JSON.stringify(payload), headers: { 'content-type': 'application/json', origin: ORIGIN } });

describe('a SQLite database locked by another process', () => {
  it('answers 503 with Retry-After at once while the lock is held, then takes the same posts, losing nothing', async () => {
    const file = join(dir, 'busy.sqlite');
    const setup = createStore(await openDatabase(`file:${file}`));
    const { site } = await setup.createSite({ name: 'Shop', origins: [ORIGIN] });
    await setup.close();
    const collector = await spawnCollector({ DATABASE_URL: `file:${file}` });
    try {
      const before = makePayload({ siteKey: site.publicKey });
      expect((await post(collector.url, before)).status).toBe(200);

      const holder = holdWriteLock(file, HOLD_MS);
      const events: string[] = [];
      const waiting: Promise<{ status: number; retryAfter: string | null }>[] = [];
      const during = Array.from({ length: CONCURRENT_POSTS }, () => makePayload({ siteKey: site.publicKey, comment: 'sent while locked' }));
      const record = (name: string, response: Promise<Response>) => {
        const answered = response.then(async (answer) => {
          await answer.arrayBuffer();
          events.push(name);
          return { status: answer.status, retryAfter: answer.headers.get('retry-after') };
        });
        waiting.push(answered);
        return answered;
      };
      for await (const line of holder.lines) {
        events.push(line);
        if (line === 'locked') {
          record('healthz', fetch(`${collector.url}/healthz`));
          for (const payload of during) record('post', post(collector.url, payload));
        }
      }
      await holder.exited;
      const answers = await Promise.all(waiting);

      // Every answer came while the other process still held the lock: nothing waited it out.
      expect(events.indexOf('released')).toBe(events.length - 1);
      expect(events.filter((event) => event === 'post')).toHaveLength(CONCURRENT_POSTS);
      for (const answer of answers) expect(answer).toEqual({ status: 503, retryAfter: expect.stringMatching(/^[1-9]\d*$/) });

      // The lock is gone: healthy again, the same posts are taken, and nothing stored before is lost.
      expect((await fetch(`${collector.url}/healthz`)).status).toBe(200);
      for (const payload of during) expect((await post(collector.url, payload)).status).toBe(200);
      collector.child.kill('SIGTERM');
      expect(await collector.exited).toBe(0);
      const store = createStore(await openDatabase(`file:${file}`));
      const { items } = await store.listResponses([site.id], {}, { limit: 500 });
      await store.close();
      expect(items.map((item) => item.id).sort()).toEqual([before, ...during].map((payload) => payload.id).sort());
      expect(collector.output()).not.toMatch(/"level":50/);
    } finally {
      collector.child.kill('SIGKILL');
    }
  }, 60_000);
});
