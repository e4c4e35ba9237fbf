import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { collectorUrl, demoUrl, expect, expectStored, scoreButton, survey, test } from './fixtures.ts';
import { signInAs } from './team-app.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test('no page of the demo, nor the team page it links to, asks for anything that is not there (favicon included)', async ({ page }) => {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  for (const path of ['/', '/website.html', '/saas.html', '/custom.html', '/playground.html', '/test-mode.html', '/hostile.html', '/csp.html', '/csp-nonce.html']) {
    await page.goto(`${demoUrl()}${path}`);
    await page.waitForLoadState('networkidle');
  }
  await page.goto(`${collectorUrl()}/`);
  await page.waitForLoadState('networkidle');
  // Whatever the page's <link rel=icon> says, a browser may still ask for /favicon.ico.
  for (const origin of [demoUrl()]) expect((await page.request.get(`${origin}/favicon.ico`)).status()).toBe(200);
  expect(missing).toEqual([]);
});

test('the home page says as many ways as it shows', async ({ page }) => {
  await page.goto(`${demoUrl()}/`);
  const words: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 };
  const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const said = Object.entries(words).find(([word]) => new RegExp(`\\b${word}\\b`, 'i').test(heading));
  expect(said, heading).toBeDefined();
  await expect(page.locator('main .card')).toHaveCount(said?.[1] ?? -1);
});

test('playground: changing a setting opens nothing; "Show the survey" opens it with those settings', async ({ page }) => {
  await page.goto(`${demoUrl()}/playground.html`);
  await page.getByLabel('Position').selectOption('center');
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByLabel('Locale').selectOption('fr');
  await page.getByLabel('Theme').selectOption('light');
  await expect(page.getByRole('button', { name: 'Show the survey' })).toBeVisible();
  // Give a survey that would open on change every chance to do so: the chunk is loaded on demand.
  await page.waitForLoadState('networkidle');
  await expect(page.locator('onepoint-survey')).toHaveCount(0);
  expect(await axe(page)).toEqual([]);

  await page.getByRole('button', { name: 'Show the survey' }).click();
  // French, centred: a modal.
  const dialog = page.getByRole('dialog', { name: 'Enquête de satisfaction' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
});

test('developer page: the inline embed, once answered, does not ask again on the next visit', async ({ page, posted }) => {
  await page.goto(`${demoUrl()}/custom.html`);
  const inline = page.locator('#inline');
  await inline.getByRole('radio', { name: /^9,?/ }).first().click();
  await expect(inline.getByRole('textbox')).toBeVisible();
  await expect.poll(() => posted.length).toBe(1);
  await expectStored(posted[0] ?? '');

  await page.reload();
  await expect(page.locator('#inline-answered')).toHaveText(/answered already/);
  await expect(inline.getByRole('radio')).toHaveCount(0);
  expect(await axe(page)).toEqual([]);
});

test('team app: test answers (playground, test mode) are hidden with a note, and shown with "Show test responses"', async ({ page, posted }) => {
  await page.goto(`${demoUrl()}/playground.html`);
  await page.getByRole('button', { name: 'Show the survey' }).click();
  await scoreButton(page, 9).click();
  await expect.poll(() => posted.length).toBe(1);
  const id = posted[0] ?? '';
  expect(await expectStored(id)).toMatchObject({ test: true });

  await signInAs(page, 'admin');
  await expect(page.getByText(/left out of these numbers and this list/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Latest responses' })).toBeVisible();
  const row = page.locator(`table tr[data-id="${id}"]`);
  await expect(row).toHaveCount(0);
  expect(await axe(page)).toEqual([]);

  await page.getByLabel('Show test responses').check();
  await expect(row).toHaveCount(1);
  await expect(row.locator('.test-mark')).toHaveText('test');
  expect(await axe(page)).toEqual([]);
});

test('test-mode page says where its answers go', async ({ page }) => {
  await page.goto(`${demoUrl()}/test-mode.html`);
  const note = page.getByRole('complementary', { name: 'About this page' });
  await expect(note).toContainText('Show test responses');
  await expect(survey(page)).toBeVisible();
  expect(await new AxeBuilder({ page }).withTags(TAGS).exclude('onepoint-survey').analyze().then((results) => results.violations.map((violation) => violation.id))).toEqual([]);
});
