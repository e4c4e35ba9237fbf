// The two packages as a user gets them: packed, installed from their tarballs into fresh
// projects, used. Slow on purpose (npm installs; better-sqlite3 may compile from source).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '../helpers/collector.ts';
import { freePort } from '../helpers/collector-process.ts';

const repo = resolve(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'onepoint-packages-'));
const MINUTE = 60_000;

/** The environment of a user's shell: nothing of this repository's npm run or test settings. */
const userEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|DATABASE_URL$|PORT$|HOST$|LOG_|ONEPOINT_|VITEST|NODE_ENV$)/i.test(key)));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...userEnv, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

async function ok(command: string, args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<string> {
  const result = await run(command, args, options);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function freshProject(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `try-${name}`, private: true, type: 'module' }));
  return dir;
}

const install = (dir: string, tarball: string) => ok('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: dir });

/** A tarball's files and its package.json, as npm would unpack them. */
async function unpack(tarball: string): Promise<{ files: string[]; manifest: Record<string, unknown>; dir: string; read(path: string): string }> {
  const dir = join(work, `unpacked-${readdirSync(work).length}`);
  mkdirSync(dir);
  await ok('tar', ['-xzf', tarball, '-C', dir], { cwd: work });
  const files = (await ok('tar', ['-tzf', tarball], { cwd: work })).trim().split('\n').map((file) => file.replace(/^package\//, ''));
  const read = (path: string) => readFileSync(join(dir, 'package', path), 'utf8');
  const manifest: unknown = JSON.parse(read('package.json'));
  if (typeof manifest !== 'object' || manifest === null) throw new Error('package.json is not an object');
  return { files, manifest: { ...manifest }, dir, read };
}

let tarballs: { web: string; collector: string };
let webProject: string;
let collectorProject: string;

beforeAll(async () => {
  // The widget build `npm test` made is reused (other suites read dist/ meanwhile); built when missing.
  const built = existsSync(join(repo, 'dist', 'onepoint.js')) && existsSync(join(repo, 'dist', 'types', 'sdk', 'index.d.ts'));
  const lines = (await ok(process.execPath, [join(repo, 'scripts', 'pack.mjs'), '--out', join(work, 'packed'), ...(built ? ['--no-build'] : [])], { cwd: repo })).trim().split('\n');
  const tarball = (name: string) => {
    const found = lines.find((line) => line.endsWith('.tgz') && line.includes(`/${name}-`));
    if (!found) throw new Error(`no ${name} tarball in:\n${lines.join('\n')}`);
    return found;
  };
  tarballs = { web: tarball('onepoint'), collector: tarball('onepoint-collector') };
  webProject = freshProject('web');
  collectorProject = freshProject('collector');
  await Promise.all([install(webProject, tarballs.web), install(collectorProject, tarballs.collector)]);
}, 20 * MINUTE);

afterAll(() => rmSync(work, { recursive: true, force: true }), 5 * MINUTE);

describe('the packed manifests', () => {
  it('onepoint: the SDK, the widget and the script tag, typed, with browser dependencies only', async () => {
    const { files, manifest, read } = await unpack(tarballs.web);
    expect(manifest.name).toBe('onepoint');
    expect(Object.keys(manifest.dependencies ?? {}).sort()).toEqual(['@preact/signals-core', 'ky', 'preact', 'zod']);
    const exports = manifest.exports as Record<string, unknown>;
    for (const entry of ['./sdk', './widget']) {
      const conditions = exports[entry] as Record<string, string>;
      expect(Object.keys(conditions)[0], `${entry}: types come first`).toBe('types');
      for (const target of Object.values(conditions)) expect(files, `${entry} → ${target}`).toContain(target.replace(/^\.\//, ''));
    }
    expect(files).toContain('onepoint.js');
    expect(files).toContain('onepoint-ui.js');
    // No server code, and nothing imports a server package.
    expect(files.filter((file) => /(^|\/)(server|collector|lib)\//.test(file) || /bin\.js$/.test(file))).toEqual([]);
    const code = files.filter((file) => file.endsWith('.js') || file.endsWith('.d.ts')).map(read).join('\n');
    expect(code).not.toMatch(/from\s*["'](hono|@hono\/[\w-]+|pg|pino|pino-pretty|better-sqlite3)["'/]/);
  });

  it('onepoint-collector: a bin, and every package its code imports is a dependency', async () => {
    const { files, manifest, read } = await unpack(tarballs.collector);
    expect(manifest.name).toBe('onepoint-collector');
    expect(manifest.bin).toEqual({ 'onepoint-collector': './lib/bin.js' });
    expect(read('lib/bin.js').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const code = files.filter((file) => file.endsWith('.js')).map(read).join('\n');
    const imported = new Set([...code.matchAll(/(?:^|\n)\s*import\s[^'"]*?["']([^'"./][^'"]*)["']|import\(\s*["']([^'"./][^'"]*)["']\s*\)/g)].map((match) => match[1] ?? match[2] ?? ''));
    const packages = new Set([...imported].filter((name) => !name.startsWith('node:')).map((name) => (name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : (name.split('/')[0] ?? name))));
    expect([...packages].sort()).toEqual(expect.arrayContaining(['better-sqlite3', 'hono', 'pg', 'pino', 'zod']));
    for (const name of packages) expect(Object.keys(manifest.dependencies ?? {}), `imported: ${name}`).toContain(name);
    expect(files).toContain('lib/app/index.html');
    expect(files.filter((file) => /^lib\/app\/assets\/index-[\w-]+\.(js|css)$/.test(file))).toHaveLength(2);
  });

  it.each([['onepoint'], ['onepoint-collector']])('%s: engines, license, files, README, LICENSE and a CHANGELOG for this version', async (name) => {
    const { files, manifest, read } = await unpack(name === 'onepoint' ? tarballs.web : tarballs.collector);
    expect(manifest.type).toBe('module');
    expect(manifest.license).toBe('MIT');
    expect((manifest.engines as { node?: string }).node).toMatch(/^>=20/);
    expect(Array.isArray(manifest.files)).toBe(true);
    for (const file of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) expect(files).toContain(file);
    expect(read('CHANGELOG.md')).toContain(`## ${String(manifest.version)}`);
    expect(read('LICENSE')).toContain('MIT License');
    expect(files.some((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toBe(false);
  });
});

describe('onepoint, installed', () => {
  it('installs none of the server’s packages', () => {
    for (const name of ['hono', 'pg', 'pino', 'better-sqlite3', '@hono/node-server']) expect(existsSync(join(webProject, 'node_modules', name)), name).toBe(false);
  });

  it('imports onepoint/sdk in Node', async () => {
    writeFileSync(join(webProject, 'node-check.mjs'), "import { segmentOf, npsFromCounts, createClient } from 'onepoint/sdk';\nconsole.log(JSON.stringify({ segment: segmentOf(9), nps: npsFromCounts({ promoters: 6, passives: 2, detractors: 2 }).nps, client: typeof createClient }));\n");
    expect(JSON.parse(await ok(process.execPath, ['node-check.mjs'], { cwd: webProject }))).toEqual({ segment: 'promoter', nps: 40, client: 'function' });
  }, MINUTE);

  it('type-checks a TypeScript file against its types', async () => {
    writeFileSync(join(webProject, 'check.ts'), "import { segmentOf, type Segment } from 'onepoint/sdk';\nimport { mountSurvey } from 'onepoint/widget';\nconst segment: Segment = segmentOf(7);\nconst mount: typeof mountSurvey = mountSurvey;\n// @ts-expect-error the score is a number\nsegmentOf('7');\nexport { segment, mount };\n");
    writeFileSync(join(webProject, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2023', 'dom'], strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['check.ts'] }));
    // The repository's TypeScript, pointed at the project: its own node_modules resolve the package.
    await ok(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: webProject });
  }, 2 * MINUTE);

  it('builds into a page with Vite', async () => {
    writeFileSync(join(webProject, 'index.html'), '<!doctype html><html lang="en"><body><div id="nps"></div><script type="module" src="./main.js"></script></body></html>');
    writeFileSync(join(webProject, 'main.js'), "import { mountSurvey } from 'onepoint/widget';\nimport { segmentOf } from 'onepoint/sdk';\nmountSurvey(document.getElementById('nps'), { endpoint: 'https://collector.example', siteKey: 'pk_test_1', product: segmentOf(10) });\n");
    // The repository's Vite binary, run in the project (no config there): imports resolve from the project's node_modules.
    await ok(process.execPath, [join(repo, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: webProject });
    const assets = join(webProject, 'dist', 'assets');
    const bundle = readdirSync(assets).filter((file) => file.endsWith('.js')).map((file) => readFileSync(join(assets, file), 'utf8')).join('\n');
    expect(bundle).toContain('How likely are you to recommend');
    expect(bundle).toContain('attachShadow');
  }, 2 * MINUTE);
});

describe.each(ENGINES)('onepoint-collector, installed, on $name', ({ name: engine, available }) => {
  let server: ChildProcess | undefined;
  let database: { url: string; drop(): Promise<void> } | undefined;
  afterAll(async () => {
    server?.kill('SIGTERM');
    await database?.drop();
  });

  it.skipIf(!available)('creates a site with its CLI, serves, stores a response the installed SDK sends, and shows it to the admin API', async () => {
    const bin = join(collectorProject, 'node_modules', '.bin', 'onepoint-collector');
    // SQLite: the default, a file under ./.onepoint/ where the command runs. Postgres: DATABASE_URL.
    const cwd = mkdtempSync(join(work, `${engine}-run-`));
    database = engine === 'postgres' ? await freshDatabase('postgres') : undefined;
    const env: Record<string, string> = database ? { DATABASE_URL: database.url } : {};

    const usage = await run(bin, ['nonsense'], { cwd, env });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('onepoint-collector sites add --name NAME');

    const created = await ok(bin, ['sites', 'add', '--name', 'Installed', '--origin', 'https://shop.example'], { cwd, env });
    const publicKey = /public key[^:]*:\s+(pk_\S+)/.exec(created)?.[1];
    const secretKey = /secret key[^:]*:\s+(sk_\S+)/.exec(created)?.[1];
    expect(publicKey && secretKey, created).toBeTruthy();
    expect(await ok(bin, ['sites', 'list'], { cwd, env })).toContain(publicKey);
    if (engine === 'sqlite') expect(existsSync(join(cwd, '.onepoint', 'onepoint.sqlite'))).toBe(true);

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(bin, ['serve'], { cwd, env: { ...userEnv, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    server = child;
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let healthy = false;
    for (let tries = 0; tries < 150 && !healthy && child.exitCode === null; tries++) {
      healthy = await fetch(`${url}/healthz`).then((response) => response.ok, () => false);
      if (!healthy) await new Promise((wait) => setTimeout(wait, 100));
    }
    expect(healthy, output).toBe(true);
    // Not a terminal: JSON lines.
    expect(output.trim().split('\n').map((line) => JSON.parse(line) as { msg?: string }).map((line) => line.msg)).toContain('collector listening');

    const id = crypto.randomUUID();
    writeFileSync(
      join(webProject, 'send.mjs'),
      `import { createClient } from 'onepoint/sdk';
const client = createClient({ endpoint: process.argv[2], siteKey: process.argv[3] });
const ack = await client.submit({ id: process.argv[4], surveyId: 'nps', seq: 1, score: 9, status: 'complete', comment: 'from the installed SDK', anonymousId: 'visitor-1', context: { url: 'https://shop.example/', locale: 'en', createdAt: new Date().toISOString() } });
console.log(JSON.stringify(ack));\n`,
    );
    const ack: unknown = JSON.parse(await ok(process.execPath, ['send.mjs', url, publicKey ?? '', id], { cwd: webProject }));
    expect(ack).toEqual({ id, seq: 1, segment: 'promoter' });

    const listed = await fetch(`${url}/v1/responses`, { headers: { authorization: `Bearer ${secretKey}` } });
    expect(listed.status).toBe(200);
    const page = (await listed.json()) as { items: { id: string; score: number; comment?: string }[] };
    expect(page.items.map(({ id: itemId, score, comment }) => ({ id: itemId, score, comment }))).toEqual([{ id, score: 9, comment: 'from the installed SDK' }]);

    // The team app ships with it: its page, and every file the page names.
    const home = await fetch(`${url}/`);
    expect(home.status).toBe(200);
    const named = [...(await home.text()).matchAll(/(?:src|href)="(\/app\/assets\/[^"]+)"/g)].map((match) => match[1] ?? '');
    expect(named.length).toBeGreaterThanOrEqual(2);
    for (const path of named) expect((await fetch(`${url}${path}`)).status, path).toBe(200);

    child.kill('SIGTERM');
    expect(await new Promise((exited) => child.once('exit', (code) => exited(code)))).toBe(0);
    server = undefined;
  }, 2 * MINUTE);
});
