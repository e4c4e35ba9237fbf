import type { Page } from '@playwright/test';
import { expect, loadTag, survey, test } from './fixtures.ts';

// A page that passes what the loader's own check lets through but the SDK's schema does not:
// the UI chunk must say so once, in the console and as an `error` event, and show nothing.

const errorEvents = (page: Page) => page.evaluate(() => (window as unknown as { __errors: unknown[] }).__errors);

test('a configuration the schema rejects: one console error naming the field, an error event, nothing shown', async ({ page, pageErrors }) => {
  const { consoleErrors } = await loadTag(page, [['init', { accent: 'red; } .card { display: none' }]]);
  await expect.poll(() => errorEvents(page)).toEqual([expect.objectContaining({ code: 'invalid_config', field: 'accent' })]);
  await page.waitForTimeout(500);
  expect(consoleErrors).toHaveLength(1);
  expect(consoleErrors[0]).toMatch(/^onepoint: invalid survey configuration: accent must be a CSS colour.*fix the accent setting/);
  await expect(survey(page)).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('an identity the schema rejects: the survey stays hidden and the error names the field', async ({ page, pageErrors }) => {
  const { consoleErrors } = await loadTag(page, [['identify', { userId: 'u-42', email: 'not an address' }], ['show']]);
  await expect.poll(() => errorEvents(page)).toEqual([expect.objectContaining({ code: 'invalid_identity', field: 'email' })]);
  expect(consoleErrors.join('\n')).toMatch(/invalid identity: email must be an email address.*fix the identify call/);
  await expect(survey(page)).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('a valid identity: the survey shows once its schema has loaded', async ({ page, pageErrors }) => {
  await loadTag(page, [['identify', { userId: 'u-43', email: 'ada@example.com', createdAt: '2020-01-01T00:00:00Z' }], ['show']]);
  await expect(survey(page)).toBeVisible({ timeout: 8000 });
  expect(await errorEvents(page)).toEqual([]);
  expect(pageErrors).toEqual([]);
});
