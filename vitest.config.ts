import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // The widget's stylesheets are imported as strings (`?inline`): tests get the real CSS, not ''.
    css: { include: [/widget\/.+\.css/] },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
