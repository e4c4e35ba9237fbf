#!/usr/bin/env node
// `npm run pack`: the two packages people install, built from this one tree.
//   onepoint            — onepoint/sdk, onepoint/widget (ESM + types) and onepoint/onepoint.js;
//                         depends on preact, @preact/signals-core, zod and ky only.
//   onepoint-collector  — the collector as JavaScript for Node 20, with its bin.
// Each gets a folder under dist/packages/ (package.json, README, LICENSE, CHANGELOG and the
// built files) and a tarball from `npm pack` next to it. A pack step rather than npm workspaces:
// the source folders stay where they are, with the root package.json still the one dependency
// list the repository is developed with.
//
// Options: --out DIR (default dist/packages), --no-build (use the widget build already in dist/;
// the collector is always built, into the package folder itself).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { out: { type: 'string' }, 'no-build': { type: 'boolean' } }, strict: true });
const out = resolve(values.out ?? join(root, 'dist', 'packages'));
const dist = join(root, 'dist');
const templates = join(root, 'scripts', 'packages');
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { version } = rootManifest;

/** The root's own range for each dependency: one place decides versions. */
function dependencies(names) {
  return Object.fromEntries(
    names.map((name) => {
      const range = rootManifest.dependencies[name];
      if (!range) throw new Error(`pack: ${name} is not a dependency of the root package.json`);
      return [name, range];
    }),
  );
}

const common = {
  version,
  license: rootManifest.license,
  type: 'module',
  engines: { node: '>=20.11' },
  // No public host yet: the same placeholder the root package has, nothing invented.
  ...(rootManifest.repository ? { repository: rootManifest.repository } : {}),
};

if (!values['no-build']) {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
for (const needed of ['onepoint.js', 'onepoint-ui.js', 'esm/sdk.js', 'esm/widget.js', 'types/sdk/index.d.ts', 'types/widget/index.d.ts', 'app/index.html']) {
  if (!existsSync(join(dist, needed))) {
    console.error(`pack: dist/${needed} is missing; run npm run build first (or drop --no-build)`);
    process.exit(1);
  }
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// onepoint: the browser side.
const web = join(out, 'onepoint');
mkdirSync(web, { recursive: true });
for (const file of readdirSync(dist)) if (/^onepoint(-ui.*)?\.js$/.test(file)) cpSync(join(dist, file), join(web, file));
cpSync(join(dist, 'esm'), join(web, 'esm'), { recursive: true });
cpSync(join(dist, 'types'), join(web, 'types'), { recursive: true });
writeManifest(web, {
  name: 'onepoint',
  description: 'An embeddable Net Promoter Score survey: a tiny script tag, a Preact widget and a typed SDK with a durable outbox.',
  ...common,
  sideEffects: ['./onepoint.js', './esm/*.js'],
  exports: {
    './sdk': { types: './types/sdk/index.d.ts', import: './esm/sdk.js' },
    './widget': { types: './types/widget/index.d.ts', import: './esm/widget.js' },
    './onepoint.js': './onepoint.js',
    './package.json': './package.json',
  },
  files: ['onepoint.js', 'onepoint-ui*.js', 'esm', 'types', 'CHANGELOG.md'],
  dependencies: dependencies(['preact', '@preact/signals-core', 'zod', 'ky']),
});

// onepoint-collector: the server, bundled by Vite into JavaScript Node 20 runs; npm packages stay imports.
const collector = join(out, 'onepoint-collector');
const lib = join(collector, 'lib');
const { build } = await import('vite');
await build({ root, configFile: join(root, 'vite.config.ts'), mode: 'collector', logLevel: 'warn', build: { outDir: lib, emptyOutDir: true } });
// The team app (its page and hashed files) is read from next to the code that serves it (lib/app/).
cpSync(join(root, 'dist', 'app'), join(lib, 'app'), { recursive: true });
writeManifest(collector, {
  name: 'onepoint-collector',
  description: 'The onepoint collector: stores NPS responses (SQLite or Postgres) and shows the team what to follow up.',
  ...common,
  bin: { 'onepoint-collector': './lib/bin.js' },
  exports: { './package.json': './package.json' },
  files: ['lib', 'CHANGELOG.md'],
  dependencies: dependencies(['hono', '@hono/node-server', 'better-sqlite3', 'pg', 'pino', 'pino-pretty', 'zod', 'better-auth', '@node-rs/argon2', '@zxcvbn-ts/language-common', 'nodemailer', 'standardwebhooks']),
});

for (const folder of [web, collector]) {
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', out], { cwd: folder, encoding: 'utf8' }).trim().split('\n').pop();
  console.log(join(out, tarball));
}

function writeManifest(folder, manifest) {
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const file of ['README.md', 'CHANGELOG.md']) cpSync(join(templates, manifest.name, file), join(folder, file));
  cpSync(join(root, 'LICENSE'), join(folder, 'LICENSE'));
}
