import type { Page } from '@playwright/test';
import { collectorUrl, demoUrl, expect, survey, test } from './fixtures.ts';

/**
 * A page that passes what the loader's own check lets through but the SDK's schema does not:
 * the UI chunk must say so once, in the console and as an `error` event, and show nothing.
 */
async function load(page: Page, commands: unknown[][]): Promise<{ consoleErrors: string[] }> {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    // The widget's own lines (a page's missing favicon is not its business).
    if (message.type() === 'error' && message.text().startsWith('onepoint')) consoleErrors.push(message.text());
  });
  await page.goto(`${demoUrl()}/index.html`);
  await page.evaluate(
    ({ commands, endpoint, siteKey }) => {
      const win = window as unknown as { onepoint: { (...args: unknown[]): void; q?: unknown[][] }; __errors: unknown[] };
      win.__errors = [];
      win.onepoint = (...args: unknown[]) => (win.onepoint.q ??= []).push(args);
      win.onepoint('init', { endpoint, siteKey, delay: 0, test: true });
      win.onepoint('on', 'error', (payload: unknown) => win.__errors.push(payload));
      for (const command of commands) win.onepoint(...command);
      const script = document.createElement('script');
      script.src = '/dist/onepoint.js';
      document.head.append(script);
    },
    { commands, endpoint: collectorUrl(), siteKey: process.env.E2E_SITE_KEY ?? '' },
  );
  return { consoleErrors };
}

const errorEvents = (page: Page) => page.evaluate(() => (window as unknown as { __errors: unknown[] }).__errors);

test('a configuration the schema rejects: one console error naming the field, an error event, nothing shown', async ({ page, pageErrors }) => {
  const { consoleErrors } = await load(page, [['init', { accent: 'red; } .card { display: none' }]]);
  await expect.poll(() => errorEvents(page)).toEqual([expect.objectContaining({ code: 'invalid_config', field: 'accent' })]);
  await page.waitForTimeout(500);
  expect(consoleErrors).toHaveLength(1);
  expect(consoleErrors[0]).toMatch(/^onepoint: invalid survey configuration: accent must be a CSS colour.*fix the accent setting/);
  await expect(survey(page)).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('an identity the schema rejects: the survey stays hidden and the error names the field', async ({ page, pageErrors }) => {
  const { consoleErrors } = await load(page, [['identify', { userId: 'u-42', email: 'not an address' }], ['show']]);
  await expect.poll(() => errorEvents(page)).toEqual([expect.objectContaining({ code: 'invalid_identity', field: 'email' })]);
  expect(consoleErrors.join('\n')).toMatch(/invalid identity: email must be an email address.*fix the identify call/);
  await expect(survey(page)).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('a valid identity: the survey shows once its schema has loaded', async ({ page, pageErrors }) => {
  await load(page, [['identify', { userId: 'u-43', email: 'ada@example.com', createdAt: '2020-01-01T00:00:00Z' }], ['show']]);
  await expect(survey(page)).toBeVisible({ timeout: 8000 });
  expect(await errorEvents(page)).toEqual([]);
  expect(pageErrors).toEqual([]);
});
