import { defineConfig, type UserConfig } from 'vite';
import { privateZodGlobals } from './scripts/private-zod-globals.ts';

/**
 * Three builds, one per mode:
 * - default: `dist/onepoint.js`, the script-tag loader (IIFE, no dependencies);
 * - `ui`: `dist/onepoint-ui.js`, the survey the loader imports when it is about to show,
 *   with one chunk per locale;
 * - `lib`: `dist/esm/sdk.js` and `dist/esm/widget.js` for bundler users, dependencies external;
 * - `demo`: the demo's own scripts, which import `onepoint/sdk` and `onepoint/widget` as a developer would;
 * - `app`: `dist/app/index.html` and its hashed files in `dist/app/assets/`, the team's app (served
 *   by the collector at `/` and `/app/assets/`; it talks to the collector through the SDK's admin client);
 * - `collector`: `dist/collector/bin.js`, the collector as plain JavaScript for Node 20 (the
 *   `onepoint-collector` package's bin), every npm dependency left external.
 */
const jsx = { jsx: { runtime: 'automatic', importSource: 'preact' } } as const;

const builds: Record<string, UserConfig> = {
  loader: {
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2020',
      minify: true,
      lib: { entry: 'widget/loader/main.ts', formats: ['iife'], name: 'onepointLoader', fileName: () => 'onepoint.js' },
    },
  },
  ui: {
    // The survey's zod is its own: its configuration stays in the bundle, off the host's `window`.
    // (`lib` leaves zod to the developer's bundle, where their zod and its settings are theirs.)
    plugins: [privateZodGlobals()],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      // The survey already relies on ES2022 (`Array.prototype.at`, class fields): written as
      // such, nothing is lowered into helpers (≈0.35 KB gzip less than es2020).
      target: 'es2022',
      // Minified twice, on purpose: terser's compressor first (3 passes fold more than oxc's),
      // then oxc's minifier on its output (below). 0.25 KB gzip less than oxc alone, 0.37 KB less
      // than terser alone.
      minify: 'terser',
      terserOptions: { compress: { passes: 3 } },
      lib: { entry: 'widget/ui/entry.ts', formats: ['es'], fileName: () => 'onepoint-ui.js' },
      // Lib mode leaves ES output readable; this chunk ships to browsers, so minify it fully.
      // `allow-extension`: what the lazy chunks share with the entry stays in the entry, which
      // they import from, so the first view is one file and one gzip stream (≈0.7 KB less).
      // pluginTimings off: terser's 3 passes are slow on purpose (the budget), and npm start's first lines are for people.
      rolldownOptions: { preserveEntrySignatures: 'allow-extension', checks: { pluginTimings: false }, output: { chunkFileNames: 'onepoint-ui-[name]-[hash].js', minify: true, comments: false } },
    },
  },
  lib: {
    build: {
      outDir: 'dist/esm',
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      lib: { entry: { sdk: 'sdk/index.ts', widget: 'widget/index.ts' }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      rolldownOptions: { external: [/^preact/, /^@preact\//, /^zod/, /^ky/] },
    },
  },
  demo: {
    // Served under /assets/ (demo/serve.ts): chunk preloads are absolute URLs from this base.
    base: '/assets/',
    build: {
      outDir: 'dist/demo',
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: { input: { 'custom-flow': 'demo/custom-flow.ts', playground: 'demo/playground.ts' }, output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' } },
    },
  },
  app: {
    // The page is app/index.html; its scripts, styles and icon are served under /app/assets/.
    root: 'app',
    base: '/app/',
    build: {
      outDir: '../dist/app',
      emptyOutDir: true,
      target: 'es2022',
      // The collector's CSP allows no inline script: the module-preload polyfill would be one.
      modulePreload: { polyfill: false },
      // Every asset a file of its own (no data: URLs, which img-src 'self' would block).
      assetsInlineLimit: 0,
    },
  },
  collector: {
    build: {
      outDir: 'dist/collector',
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      // SSR mode: Node built-ins and every package in node_modules stay imports, resolved from
      // the installed package's own dependencies.
      ssr: 'server/bin.ts',
      // The root package.json's `sideEffects` list is for the browser builds; the collector's
      // modules (the CLI, the server's start) run when imported.
      rolldownOptions: { plugins: [{ name: 'collector-runs-on-import', transform: (code: string) => ({ code, moduleSideEffects: true }) }], output: { format: 'es', entryFileNames: 'bin.js', chunkFileNames: '[name].js', banner: '#!/usr/bin/env node' } },
    },
    ssr: { target: 'node', external: true },
  },
};

export default defineConfig(({ mode }) => ({
  oxc: jsx,
  publicDir: false,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  ...(builds[mode] ?? builds.loader),
}));
