import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The import rules of STYLE.md ("The house"), held by oxlint's import/no-cycle and
// no-restricted-imports with the project's own .oxlintrc.json.
const root = resolve(import.meta.dirname, '../..');
const oxlint = join(root, 'node_modules/.bin/oxlint');

function lint(cwd: string, paths: string[]) {
  const run = spawnSync(oxlint, ['-c', join(cwd, '.oxlintrc.json'), '--format', 'unix', ...paths], { cwd, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('import rules (STYLE.md: imports run one way, no circles)', () => {
  it('hold for the whole tree', () => {
    const run = lint(root, ['sdk', 'widget', 'server', 'app', 'demo'].filter((dir) => existsSync(join(root, dir))));
    expect(run.output).not.toMatch(/no-cycle|no-restricted-imports/);
    expect(run.status).toBe(0);
  });

  // The rules must be able to fail: a small tree that breaks each one.
  const scratch = mkdtempSync(join(tmpdir(), 'onepoint-imports-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each([
    ['sdk imports the server', { 'sdk/a.ts': "import { x } from '../server/b.ts';\nexport const a = x;\n", 'server/b.ts': 'export const x = 1;\n' }, 'no-restricted-imports'],
    ['the widget imports the app', { 'widget/a.ts': "import { x } from '../app/b.ts';\nexport const a = x;\n", 'app/b.ts': 'export const x = 1;\n' }, 'no-restricted-imports'],
    ['the server imports the widget', { 'server/a.ts': "import { x } from '../widget/b.ts';\nexport const a = x;\n", 'widget/b.ts': 'export const x = 1;\n' }, 'no-restricted-imports'],
    ['the app imports the server', { 'app/a.ts': "import { x } from '../server/b.ts';\nexport const a = x;\n", 'server/b.ts': 'export const x = 1;\n' }, 'no-restricted-imports'],
    ['an app model imports a view', { 'app/models/a.ts': "import { x } from '../views/b.tsx';\nexport const a = x;\n", 'app/views/b.tsx': 'export const x = 1;\n' }, 'no-restricted-imports'],
    ['two server files import each other (types only)', { 'server/a.ts': "import type { B } from './b.ts';\nexport type A = B | 1;\n", 'server/b.ts': "import type { A } from './a.ts';\nexport type B = A | 2;\n" }, 'no-cycle'],
  ])('catch %s', (_name, files, rule) => {
    const dir = mkdtempSync(join(scratch, 'case-'));
    copyFileSync(join(root, '.oxlintrc.json'), join(dir, '.oxlintrc.json'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const run = lint(dir, Object.keys(files).map((path) => path.split('/')[0] ?? path));
    expect(run.output).toContain(rule);
    expect(run.status).not.toBe(0);
  });
});
