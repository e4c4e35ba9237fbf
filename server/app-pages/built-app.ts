import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';

/**
 * Where the built app may be (Vite, `npm run build`, mode app): the installed collector keeps it
 * next to its own code (lib/app/); a checkout finds it in dist/app/.
 */
export const APP_DIRS = [resolve(import.meta.dirname, 'app'), resolve(import.meta.dirname, '../../dist/app')];

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** A hashed asset's name as Vite writes it: no path, no dot file; anything else is not one of ours. */
const ASSET_NAME = /^[\w-]+(\.[\w-]+)*\.[a-z0-9]+$/;

/** The built app in the first of `dirs` that has one, looked up on each request: a rebuild while running is found. */
export function builtApp(dirs: readonly string[]) {
  const builtDir = () => dirs.find((dir) => existsSync(join(dir, 'index.html')));
  return {
    /** The app's page, or `undefined` when not built (small, and it names the current hashed files). */
    async page(): Promise<string | undefined> {
      const dir = builtDir();
      return dir ? readFile(join(dir, 'index.html'), 'utf8') : undefined;
    },
    /** One hashed file: its bytes and type; `missing` for a name that is not one of them, `not-built` without a build. */
    async asset(name: string): Promise<{ body: Uint8Array<ArrayBuffer>; type: string } | 'missing' | 'not-built'> {
      const dir = builtDir();
      if (!dir) return 'not-built';
      const type = TYPES[extname(name)];
      if (!ASSET_NAME.test(name) || !type) return 'missing';
      try {
        return { body: new Uint8Array(await readFile(join(dir, 'assets', name))), type };
      } catch {
        return 'missing';
      }
    },
  };
}
