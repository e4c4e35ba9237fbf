// `npm start`'s entry as a new user meets it, with stdout piped (not a terminal): one banner with
// the links and keys, then one JSON line per request, none for the background polls.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort } from '../helpers/collector-process.ts';

const repo = resolve(import.meta.dirname, '..', '..');
const cwd = mkdtempSync(join(tmpdir(), 'onepoint-start-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

it('prints one banner, then JSON request lines, and no line per background poll', async () => {
  if (!existsSync(join(repo, 'dist', 'onepoint.js'))) throw new Error('dist/ is missing: npm run build first (npm test does)');
  const [collectorPort, demoPort] = [await freePort(), await freePort()];
  const env = { ...process.env, SKIP_BUILD: '1', COLLECTOR_PORT: String(collectorPort), DEMO_PORT: String(demoPort), DATABASE_URL: `file:${join(cwd, 'demo.sqlite')}`, LOG_LEVEL: 'info', LOG_FORMAT: '' };
  const child = spawn(join(repo, 'node_modules', '.bin', 'tsx'), [join(repo, 'demo', 'start.ts')], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  try {
    for (let tries = 0; tries < 300 && !stdout.includes('Ctrl-C to stop') && child.exitCode === null; tries++) await new Promise((wait) => setTimeout(wait, 100));
    expect(stdout, stderr).toContain('Ctrl-C to stop');

    const collector = `http://127.0.0.1:${collectorPort}`;
    const publicKey = /public (pk_\S+)/.exec(stdout)?.[1] ?? '';
    const secretKey = /secret (sk_\S+)/.exec(stdout)?.[1] ?? '';
    expect(stdout).toContain(`demo        http://localhost:${demoPort}`);
    expect(stdout).toContain(`collector   ${collector}`);
    // The demo team's admin: a one-time link to choose a password (an invitation), not a key in a URL.
    const link = /team app {4}(\S+)/.exec(stdout)?.[1] ?? '';
    expect(link).toMatch(new RegExp(`^${collector}/invite\\?token=`));
    expect(stdout).toContain('(one use: choose a password as you@example.com)');
    const invited = await fetch(`${collector}/v1/invitations/lookup?token=${encodeURIComponent(new URL(link).searchParams.get('token') ?? '')}`);
    expect(await invited.json()).toMatchObject({ email: 'you@example.com', role: 'admin', needsPassword: true, teamName: 'onepoint demo' });
    expect(publicKey).toMatch(/^pk_/);
    expect(secretKey).toMatch(/^sk_/);

    // What a visitor and a team member do: an answer, a look at the numbers; then what the team
    // page does by itself every few seconds, and a health probe.
    const answer = { id: crypto.randomUUID(), siteKey: publicKey, surveyId: 'nps', seq: 1, score: 8, status: 'partial', anonymousId: 'visitor-1', context: { url: `http://localhost:${demoPort}/`, locale: 'en', createdAt: new Date().toISOString() } };
    const posted = await fetch(`${collector}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json', origin: `http://localhost:${demoPort}` }, body: JSON.stringify(answer) });
    expect(posted.status).toBe(200);
    const admin = { authorization: `Bearer ${secretKey}` };
    expect((await fetch(`${collector}/v1/stats`, { headers: admin })).status).toBe(200);
    expect((await fetch(`${collector}/v1/responses`, { headers: { ...admin, 'x-onepoint-refresh': '1' } })).status).toBe(200);
    expect((await fetch(`${collector}/healthz`)).status).toBe(200);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);

  const lines = stdout.split('\n').filter((line) => line.trim() !== '');
  const firstJson = lines.findIndex((line) => line.startsWith('{'));
  const banner = lines.slice(0, firstJson);
  expect(banner[0]).toBe('onepoint is running');
  expect(banner.length).toBeLessThanOrEqual(7);
  const logged = lines.slice(firstJson).map((line) => JSON.parse(line) as { msg: string; method?: string; route?: string; status?: number });
  const requests = logged.filter((line) => line.msg === 'request').map((line) => `${line.method} ${line.route} ${line.status}`);
  expect(requests).toEqual(['GET /v1/invitations/lookup 200', 'POST /v1/responses 200', 'GET /v1/stats 200']);
}, 60_000);
