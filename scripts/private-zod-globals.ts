import type { Plugin } from 'vite';

/** zod's own modules, wherever the package manager put them. */
const ZOD_MODULE = /[\\/]node_modules[\\/]zod[\\/].*\.[cm]?js$/;
/** `(_a = globalThis).__zod_X ?? (_a.__zod_X = init);`, as TypeScript lowers `??=`. */
const LOWERED_INIT = /\(\s*([\w$]+)\s*=\s*globalThis\s*\)\s*\.\s*(__zod_\w+)\s*\?\?\s*\(\s*\1\s*\.\s*\2\s*=\s*([^;]+?)\s*\)\s*;/g;
/** `globalThis.__zod_X ??= init;`, should a later zod ship it unlowered. */
const PLAIN_INIT = /\bglobalThis\s*\.\s*(__zod_\w+)\s*\?\?=\s*([^;]+?)\s*;/g;
/** Any reach for a `__zod_` global that is left once the known forms are rewritten. */
const LEFT_OVER = /\bglobalThis\b[\s)]*(?:\?\.|\.|\[)\s*['"`]?__zod_/;

/**
 * Rewrites zod's page-wide state into module-local bindings, for bundles that ship to browsers.
 *
 * zod keeps its configuration (`z.config()`, and its registry when one is used) on `globalThis`
 * so that every copy of zod in a page shares it. For the script-tag survey that would be a second
 * global beside `window.onepoint` (SPEC §4), the host page's own `z.config()` would change the
 * survey's messages, and the survey's settings (jitless parsing) would change the host's zod. The
 * widget's copy of zod is the widget's alone, so its state becomes a module-local constant
 * (`const __zod_globalConfig = {}`) that the minifier then renames.
 *
 * The build fails if a zod module still reaches a `__zod_` global in a form this does not know:
 * a zod upgrade must not bring the global back silently.
 *
 * @example
 * // vite.config.ts, in the build whose zod is bundled for the page
 * { plugins: [privateZodGlobals()] }
 */
export function privateZodGlobals(): Plugin {
  return {
    name: 'onepoint:private-zod-globals',
    transform(code, id) {
      try {
        const rewritten = withPrivateZodGlobals(code, id);
        return rewritten === null ? null : { code: rewritten, map: null };
      } catch (error) {
        return this.error(error instanceof Error ? error.message : String(error));
      }
    },
  };
}

/**
 * `code` of the module `id` with each `__zod_` global it initialises turned into a module-local
 * constant, or `null` when there is nothing to rewrite (not zod, or no such global).
 * @throws Error when a zod module reaches a `__zod_` global in a form it does not rewrite.
 */
export function withPrivateZodGlobals(code: string, id: string): string | null {
  if (!ZOD_MODULE.test(id) || !code.includes('__zod_')) return null;
  const locals = new Set<string>();
  const declare = (name: string, init: string) => {
    locals.add(name);
    return `const ${name} = ${init};`;
  };
  let rewritten = code
    .replace(LOWERED_INIT, (_match, _alias: string, name: string, init: string) => declare(name, init))
    .replace(PLAIN_INIT, (_match, name: string, init: string) => declare(name, init));
  for (const name of locals) rewritten = rewritten.replace(new RegExp(`\\bglobalThis\\s*(?:\\?\\.|\\.)\\s*${name}\\b`, 'g'), name);
  if (LEFT_OVER.test(rewritten)) throw new Error(`zod's ${id} reaches a __zod_ global in a form private-zod-globals does not rewrite; update the plugin`);
  return locals.size ? rewritten : null;
}
