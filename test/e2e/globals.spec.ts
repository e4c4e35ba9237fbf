import type { Page } from '@playwright/test';
import { collectorUrl, demoUrl, expect, scoreButton, survey, test } from './fixtures.ts';

// SPEC §4: the widget adds one global, `window.onepoint`, and nothing else. zod keeps its shared
// configuration on `globalThis` unless the build keeps it private: then a host page's own zod
// would change the widget's messages, and the widget's settings would change the host's zod.

type Win = Window & { onepoint: { (...args: unknown[]): void; q?: unknown[][] }; __onepointTestEvent(json: string): void };

/** Every own key of `window`, symbols included, as text. */
const windowKeys = (page: Page) => page.evaluate(() => Reflect.ownKeys(window).map(String));

/**
 * The install snippet a host page pastes, then the tag. `error` events reach the test through a
 * binding installed before the page's scripts, so the harness adds no global of its own here.
 */
async function addTag(page: Page, commands: unknown[][]): Promise<void> {
  await page.evaluate(
    ({ commands, endpoint, siteKey }) => {
      const win = window as unknown as Win;
      win.onepoint = (...args: unknown[]) => (win.onepoint.q ??= []).push(args);
      win.onepoint('init', { endpoint, siteKey, delay: 0, test: true });
      win.onepoint('on', 'error', (payload: unknown) => win.__onepointTestEvent(JSON.stringify(payload)));
      for (const command of commands) win.onepoint(...command);
      const script = document.createElement('script');
      script.src = '/dist/onepoint.js';
      document.head.append(script);
    },
    { commands, endpoint: collectorUrl(), siteKey: process.env.E2E_SITE_KEY ?? '' },
  );
}

/**
 * Opens the demo's plain page with the event binding in place; returns the `error` events, the
 * widget's console errors and the widget's files the page fetched (hash left out), as they come.
 */
async function openPage(page: Page): Promise<{ errors: unknown[]; consoleErrors: string[]; files: Set<string> }> {
  const errors: unknown[] = [];
  const consoleErrors: string[] = [];
  const files = new Set<string>();
  page.on('request', (request) => {
    const file = /\/dist\/(onepoint[\w-]*?)(?:-[\w-]{8})?\.js$/.exec(new URL(request.url()).pathname)?.[1];
    if (file) files.add(file);
  });
  await page.exposeFunction('__onepointTestEvent', (json: string) => errors.push(JSON.parse(json)));
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('onepoint')) consoleErrors.push(message.text());
  });
  await page.goto(`${demoUrl()}/index.html`);
  return { errors, consoleErrors, files };
}

test('window gains onepoint and nothing else, from the tag through a whole survey and a configuration error', async ({ page, posted, pageErrors }) => {
  const { errors, files } = await openPage(page);
  const before = await windowKeys(page);
  // An identified visitor: the identity schema's chunk loads too.
  await addTag(page, [['identify', { userId: 'u-globals', email: 'ada@example.com', createdAt: '2020-01-01T00:00:00Z' }]]);
  await scoreButton(page, 9).click({ timeout: 8000 });
  await survey(page).getByRole('textbox').fill('No litter, please');
  await survey(page).getByRole('button', { name: 'Send' }).click();
  await expect(survey(page).getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(survey(page)).toHaveCount(0);
  await expect.poll(() => posted.length, { timeout: 15_000 }).toBeGreaterThan(0);
  // A configuration the schema rejects: the chunk that words zod's issues loads as well.
  await page.evaluate(() => (window as unknown as Win).onepoint('init', { closeAfter: -1 }));
  await expect.poll(() => errors).toEqual([expect.objectContaining({ code: 'invalid_config', field: 'closeAfter' })]);
  // Every file but the other locales' words has run by now.
  expect([...files].sort()).toEqual(['onepoint', 'onepoint-ui', 'onepoint-ui-delivery', 'onepoint-ui-identity', 'onepoint-ui-later-steps', 'onepoint-ui-report', 'onepoint-ui-validate']);
  const after = await windowKeys(page);
  expect(after.filter((key) => !before.includes(key))).toEqual(['onepoint']);
  expect(before.filter((key) => !after.includes(key))).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test("a host page's own zod configuration changes neither the widget's messages nor is changed by it", async ({ page, pageErrors }) => {
  const { errors, consoleErrors } = await openPage(page);
  await page.evaluate(() => {
    (globalThis as unknown as { __zod_globalConfig: unknown }).__zod_globalConfig = { customError: () => 'HOST' };
  });
  await addTag(page, [['init', { closeAfter: -1 }]]);
  await expect.poll(() => errors).toEqual([expect.objectContaining({ code: 'invalid_config', field: 'closeAfter', message: expect.stringContaining('closeAfter must be at least 0') })]);
  expect(consoleErrors).toEqual([expect.stringMatching(/^onepoint: invalid survey configuration: closeAfter must be at least 0\. .*fix the closeAfter setting/)]);
  // The widget's own settings (jitless parsing in browsers) stayed with the widget.
  expect(await page.evaluate(() => Object.keys((globalThis as unknown as { __zod_globalConfig: object }).__zod_globalConfig))).toEqual(['customError']);
  await expect(survey(page)).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
