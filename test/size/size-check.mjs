#!/usr/bin/env node
// Budgets are tests: prints raw / gzip / brotli bytes per built file and fails when over budget:
//   loader (dist/onepoint.js)                                  ≤ 2.5 KB gzip
//   loader + everything statically imported by the UI entry    ≤ 24 KB gzip ("seeing one question")
//   the team app's first load (dist/app: every script and stylesheet its page names, and what
//   those scripts import statically)                           ≤ 60 KB gzip
// and when the loader contains preact, zod or ky, or a UI chunk reaches for zod's page-wide
// state (`globalThis.__zod_globalConfig`: the build keeps it inside the bundle, SPEC §4).
//
// Where the first view's bytes go: zod/mini ≈6.9 KB (measured by building with zod stubbed out),
// preact ≈4.5 KB, signals-core ≈1.6 KB, the loader 2.5 KB; the survey, its configuration
// schema, styles and English words the rest (≈8.3 KB). zod's core is one module, so a zod type used
// by any lazy chunk (delivery, identity) lands in the first view too: the wire schemas keep to
// the types the configuration already uses.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const dist = new URL('../../dist/', import.meta.url).pathname;
const LOADER_BUDGET = 2.5 * 1024;
const FIRST_VIEW_BUDGET = 24 * 1024;
const APP_FIRST_LOAD_BUDGET = 60 * 1024;
const FORBIDDEN_IN_LOADER = [
  ['preact', /preact-signals|__preact|\bpreact\b/],
  ['zod', /\$ZodType|zod/i],
  ['ky', /\bky\b|HTTPError|kyOptions/],
];
const FORBIDDEN_IN_UI = [['a __zod_ global', /__zod_/]];

if (!existsSync(join(dist, 'onepoint.js'))) {
  console.error('size: dist/onepoint.js is missing; run `npm run build` first');
  process.exit(1);
}

const measure = (file) => {
  const bytes = readFileSync(join(dist, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
};

/** The UI entry and every chunk it imports statically: what must arrive before the question shows. */
function staticClosure(entry, dir = dist) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const match of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w${},*\s]+from\s*)?["'`]\.\/([\w.-]+\.js)["'`]/g)) visit(match[1]);
  };
  visit(entry);
  return [...seen];
}

const files = readdirSync(dist).filter((file) => file.endsWith('.js')).sort();
const rows = files.map(measure);
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
console.log(`${'file'.padEnd(44)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const row of rows) console.log(`${row.file.padEnd(44)} ${kb(row.raw).padStart(10)} ${kb(row.gzip).padStart(10)} ${kb(row.brotli).padStart(10)}`);

const failures = [];
const loader = measure('onepoint.js');
const firstView = ['onepoint.js', ...staticClosure('onepoint-ui.js')].map(measure);
const firstViewGzip = firstView.reduce((sum, row) => sum + row.gzip, 0);
console.log(`\nloader: ${kb(loader.gzip)} gzip (budget ${kb(LOADER_BUDGET)})`);
console.log(`seeing one question: ${kb(firstViewGzip)} gzip (budget ${kb(FIRST_VIEW_BUDGET)}) = ${firstView.map((row) => row.file).join(' + ')}`);
if (loader.gzip > LOADER_BUDGET) failures.push(`loader is ${kb(loader.gzip)} gzip, over ${kb(LOADER_BUDGET)}`);
if (firstViewGzip > FIRST_VIEW_BUDGET) failures.push(`seeing one question costs ${kb(firstViewGzip)} gzip, over ${kb(FIRST_VIEW_BUDGET)}`);
const loaderCode = readFileSync(join(dist, 'onepoint.js'), 'utf8');
for (const [name, pattern] of FORBIDDEN_IN_LOADER) if (pattern.test(loaderCode)) failures.push(`the loader contains ${name}`);
for (const file of files.filter((name) => name.startsWith('onepoint-ui'))) {
  const code = readFileSync(join(dist, file), 'utf8');
  for (const [name, pattern] of FORBIDDEN_IN_UI) if (pattern.test(code)) failures.push(`${file} contains ${name}`);
}

// The team app: what its page loads before anything shows (the hashed files it names under
// /app/assets/, and the chunks those scripts import statically; lazy chunks come later).
const appDir = join(dist, 'app');
if (!existsSync(join(appDir, 'index.html'))) failures.push('dist/app/index.html is missing (vite build --mode app)');
else {
  const assets = join(appDir, 'assets');
  const page = readFileSync(join(appDir, 'index.html'), 'utf8');
  const named = [...page.matchAll(/(?:src|href)="\/app\/assets\/([\w.-]+\.(?:js|css))"/g)].map((match) => match[1]);
  const loaded = [...new Set(named.flatMap((file) => (file.endsWith('.js') ? staticClosure(file, assets) : [file])))];
  const appRows = loaded.map((file) => {
    const bytes = readFileSync(join(assets, file));
    return { file, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const appGzip = appRows.reduce((sum, row) => sum + row.gzip, 0);
  console.log(`team app first load: ${kb(appGzip)} gzip (budget ${kb(APP_FIRST_LOAD_BUDGET)}) = ${appRows.map((row) => `${row.file} ${kb(row.gzip)}`).join(' + ')}`);
  if (!loaded.some((file) => file.endsWith('.js'))) failures.push('the team app’s page names no script');
  if (appGzip > APP_FIRST_LOAD_BUDGET) failures.push(`the team app's first load is ${kb(appGzip)} gzip, over ${kb(APP_FIRST_LOAD_BUDGET)}`);
}

if (failures.length) {
  for (const failure of failures) console.error(`size: FAIL ${failure}`);
  process.exit(1);
}
console.log('size: every budget met');
