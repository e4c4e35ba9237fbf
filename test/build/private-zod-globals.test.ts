import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withPrivateZodGlobals } from '../../scripts/private-zod-globals.ts';

// The script-tag survey's zod must keep its state inside the bundle (SPEC §4: one global). The
// e2e `globals.spec.ts` holds that in Chromium; these hold the rewrite on the zod that is installed.

const zodCore = dirname(createRequire(import.meta.url).resolve('zod/v4/core'));
const installed = (file: string) => ({ id: join(zodCore, file), code: readFileSync(join(zodCore, file), 'utf8') });
const reachesGlobal = /globalThis[\s)]*(?:\?\.|\.|\[)\s*['"`]?__zod_/;

describe('private zod globals', () => {
  it.each(['core.js', 'registries.js'])("installed zod's %s: every __zod_ global becomes a module-local constant", (file) => {
    const { id, code } = installed(file);
    expect(code).toMatch(reachesGlobal);
    const rewritten = withPrivateZodGlobals(code, id) ?? '';
    expect(rewritten).not.toMatch(reachesGlobal);
    const names = [...new Set(code.match(/__zod_\w+/g))];
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(rewritten).toMatch(new RegExp(`^const ${name} = `, 'm'));
  });

  it("the config zod exports is the local one, and zod's hook reads it there", () => {
    const rewritten = withPrivateZodGlobals(installed('core.js').code, installed('core.js').id) ?? '';
    expect(rewritten).toContain('export const globalConfig = __zod_globalConfig;');
    expect(rewritten).toContain('__zod_globalConfig?.postProcessor');
  });

  it('an unlowered `??=` is rewritten too', () => {
    const rewritten = withPrivateZodGlobals('globalThis.__zod_globalConfig ??= {};\nexport const c = globalThis.__zod_globalConfig;', '/x/node_modules/zod/v4/core/core.js');
    expect(rewritten).toBe('const __zod_globalConfig = {};\nexport const c = __zod_globalConfig;');
  });

  it('a form it does not know fails the build, naming the module', () => {
    const id = '/x/node_modules/zod/v4/core/core.js';
    expect(() => withPrivateZodGlobals('export const c = (globalThis["__zod_globalConfig"] ||= {});', id)).toThrow(/core\.js reaches a __zod_ global/);
    expect(() => withPrivateZodGlobals('export const hook = () => globalThis.__zod_globalConfig?.postProcessor;', id)).toThrow(/reaches a __zod_ global/);
  });

  it('leaves every module that is not zod alone', () => {
    expect(withPrivateZodGlobals('(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});', '/app/src/zod-like.js')).toBeNull();
    expect(withPrivateZodGlobals('export const x = globalThis.fetch;', '/x/node_modules/zod/v4/core/util.js')).toBeNull();
  });
});
