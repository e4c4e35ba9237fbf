#!/usr/bin/env node
// `npm test`: build, size budgets, type check, unit + component + collector tests (vitest), then
// the end-to-end suite in Chromium (Playwright). Ends with one summary line over both runners:
// "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = [];

function step(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (run.status !== 0) broken.push(name);
  return run.status === 0;
}

const npx = (args, env) => ['npx', ['--no-install', ...args], env];

const built = step('build', 'npm', ['run', '--silent', 'build']);
if (built) step('size budgets', 'npm', ['run', '--silent', 'size']);
step('type check', ...npx(['tsc', '--noEmit', '-p', '.']));
if (!process.env.ONEPOINT_TEST_POSTGRES_URL) {
  console.log('\nnote: ONEPOINT_TEST_POSTGRES_URL is not set, so the Postgres runs are skipped (.ci/run starts Postgres and sets it)');
}
step('unit, component and collector tests (vitest)', ...npx(['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${results}/vitest.json`]));
if (existsSync(`${results}/vitest.json`)) {
  const report = JSON.parse(readFileSync(`${results}/vitest.json`, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}
if (built) {
  step('end-to-end tests in Chromium (playwright)', ...npx(['playwright', 'test']));
  if (existsSync(`${results}/e2e.json`)) {
    const { stats } = JSON.parse(readFileSync(`${results}/e2e.json`, 'utf8'));
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
  }
}

if (broken.length) console.log(`\nfailed steps: ${broken.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(broken.length || totals.failed ? 1 : 0);
