import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open.ts';
import { createStore } from '../../server/store.ts';
import { ORIGIN } from '../helpers/collector.ts';
import { spawnCollector } from '../helpers/collector-process.ts';
import { makePayload } from '../helpers/payload.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'onepoint-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], databaseUrl: string) =>
  run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

describe('the collector as a process', () => {
  it('sites CLI: add prints both keys once, list shows the public one, a bad origin is refused', async () => {
    const databaseUrl = `file:${join(dir, 'cli.sqlite')}`;
    const added = await cli(['sites', 'add', '--name', 'Shop', '--origin', 'https://shop.example', '--origin', 'http://localhost:5173'], databaseUrl);
    expect(added.code).toBe(0);
    const publicKey = /pk_[\w-]+/.exec(added.stdout)?.[0];
    expect(publicKey).toBeDefined();
    expect(added.stdout).toMatch(/sk_[\w-]+/);
    const listed = await cli(['sites', 'list'], databaseUrl);
    expect(listed.stdout).toContain(`Shop\t${publicKey}\thttps://shop.example http://localhost:5173`);
    expect(listed.stdout).not.toContain('sk_');
    const bad = await cli(['sites', 'add', '--name', 'X', '--origin', 'https://shop.example/path'], databaseUrl);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not an origin: https://shop.example/path');
    // Without --team the site has a team of its own; with one, it joins it; an unknown team is refused.
    const team = /in team (\S+)/.exec(added.stdout)?.[1];
    expect(team).toBeDefined();
    const joined = await cli(['sites', 'add', '--team', team ?? '', '--name', 'Blog', '--origin', 'https://blog.example'], databaseUrl);
    expect(joined.code).toBe(0);
    expect(joined.stdout).toContain(`in team ${team}`);
    const orphan = await cli(['sites', 'add', '--team', 'team_nobody', '--name', 'Y', '--origin', 'https://y.example'], databaseUrl);
    expect(orphan.code).toBe(2);
    expect(orphan.stderr).toContain('no team has the id team_nobody');
  }, 30_000);

  it('teams and users CLI: a team id, then a one-time link that sets the password on a running collector (SPEC §9)', async () => {
    const databaseUrl = `file:${join(dir, 'people.sqlite')}`;
    const team = await cli(['teams', 'add', '--name', 'Acme'], databaseUrl);
    expect(team.code).toBe(0);
    const teamId = team.stdout.trim();
    expect(teamId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await cli(['teams', 'list'], databaseUrl)).stdout).toContain(`${teamId}\tAcme`);
    const collector = await spawnCollector({ DATABASE_URL: databaseUrl });
    try {
      const added = await cli(['users', 'add', '--email', 'Ana@Acme.example', '--team', teamId, '--role', 'admin'], databaseUrl);
      expect(added.code, added.stderr).toBe(0);
      expect(added.stdout).toContain('user created ana@acme.example is admin of the team');
      const link = /(http\S+reset-password\?token=\S+)/.exec(added.stdout)?.[1] ?? '';
      const token = new URL(link).searchParams.get('token');
      const headers = { 'content-type': 'application/json', origin: collector.url, 'x-onepoint-csrf': '1' };
      const set = await fetch(`${collector.url}/api/auth/reset-password`, { method: 'POST', headers, body: JSON.stringify({ token, newPassword: 'violet tractor sings at dawn' }) });
      expect(set.status).toBe(200);
      const signedIn = await fetch(`${collector.url}/api/auth/sign-in/email`, { method: 'POST', headers, body: JSON.stringify({ email: 'ana@acme.example', password: 'violet tractor sings at dawn' }) });
      expect(signedIn.status).toBe(200);
      const again = await fetch(`${collector.url}/api/auth/reset-password`, { method: 'POST', headers, body: JSON.stringify({ token, newPassword: 'another long phrase here' }) });
      expect(again.status).toBe(400);
    } finally {
      collector.child.kill('SIGTERM');
      await collector.exited;
    }
    const badRole = await cli(['users', 'add', '--email', 'x@acme.example', '--team', teamId, '--role', 'owner'], databaseUrl);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role must be one of admin, member, viewer');
    const noTeam = await cli(['users', 'add', '--email', 'x@acme.example', '--team', 'nope', '--role', 'viewer'], databaseUrl);
    expect(noTeam.stderr).toContain('no team has the id nope');
  }, 60_000);

  it('SIGTERM drains: every request it acknowledged is stored, none is cut off, and it exits 0', async () => {
    const databaseUrl = `file:${join(dir, 'drain.sqlite')}`;
    const store = createStore(await openDatabase(databaseUrl));
    const { site } = await store.createSite({ name: 'Shop', origins: [ORIGIN] });
    await store.close();
    const collector = await spawnCollector({ DATABASE_URL: databaseUrl });
    const posts = Array.from({ length: 200 }, () => makePayload({ siteKey: site.publicKey }));
    let signalled = false;
    const results = await Promise.all(
      posts.map((payload) =>
        fetch(`${collector.url}/v1/responses`, { method: 'POST', body: JSON.stringify(payload), headers: { 'content-type': 'application/json', origin: ORIGIN } }).then(
          async (response) => {
            const body = await response.text();
            if (!signalled) {
              signalled = true;
              collector.child.kill('SIGTERM');
            }
            return { id: payload.id, status: response.status, complete: body.includes(payload.id) };
          },
          (error: Error & { cause?: { code?: string } }) => ({ id: payload.id, status: 0, complete: false, code: error.cause?.code }),
        ),
      ),
    );
    expect(await collector.exited).toBe(0);
    const acknowledged = results.filter((result) => result.status === 200);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.every((result) => result.complete)).toBe(true);
    // Refused after the drain began: fine, the outbox retries those. Never a 5xx.
    expect(results.filter((result) => result.status >= 500)).toEqual([]);
    const reopened = createStore(await openDatabase(databaseUrl));
    const { items } = await reopened.listResponses([site.id], {}, { limit: 500 });
    await reopened.close();
    for (const result of acknowledged) expect(items.some((item) => item.id === result.id)).toBe(true);
    expect(collector.output()).toContain('collector stopped');
  }, 30_000);
});
