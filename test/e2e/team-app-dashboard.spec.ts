import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { createAdminClient, type StatsQuery } from '../../sdk/index.ts';
import { makePayload } from '../helpers/payload.ts';
import { collectorUrl, demoUrl, expect, runTag, test } from './fixtures.ts';
import { appUrl, axe, heading, overflowX, signInAs } from './team-app.ts';

// One survey of this run's own (the suite shares its collector): its responses and displays,
// posted the way pages post them, are all the dashboard shows once filtered to it.
const surveyId = `dash-${runTag()}`;
const SCORES = [10, 10, 9, 8, 7, 3, 0];
const DRIVERS = [['speed'], [], ['speed', 'price'], ['price'], ['price', 'support'], ['support'], ['support', 'price']];
const admin = () => createAdminClient({ endpoint: collectorUrl(), token: process.env.E2E_SECRET_KEY ?? '' });

test.beforeAll(async () => {
  const headers = { 'content-type': 'application/json', origin: new URL(demoUrl()).origin };
  for (const [index, score] of SCORES.entries()) {
    // Ids of their own: makePayload's count from 1 in every worker, and the suite shares its database.
    const payload = makePayload({ id: randomUUID(), siteKey: process.env.E2E_SITE_KEY ?? '', surveyId, score, status: 'complete', drivers: DRIVERS[index] ?? [], anonymousId: `dash-visitor-${index}`, ...(index % 2 ? { user: { id: `dash-user-${index}`, traits: { plan: 'pro' } } } : {}) });
    const posted = await fetch(`${collectorUrl()}/v1/responses`, { method: 'POST', headers, body: JSON.stringify(payload) });
    expect(posted.status).toBe(200);
  }
  for (const count of [12, 8]) {
    const posted = await fetch(`${collectorUrl()}/v1/impressions`, { method: 'POST', headers, body: JSON.stringify({ siteKey: process.env.E2E_SITE_KEY, surveyId, count }) });
    expect(posted.status).toBe(204);
  }
});

async function openDashboard(page: Page) {
  if (!(await page.getByRole('navigation', { name: 'Sections' }).isVisible())) await signInAs(page, 'viewer');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(heading(page, 'Dashboard')).toBeVisible();
  await page.getByLabel('Survey').fill(surveyId);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard\\?surveyId=${surveyId}$`));
}

const figure = (page: Page, name: string) => page.locator(`[data-figure="${name}"]`);
const expectFigures = async (page: Page, query: StatsQuery) => {
  const stats = await admin().stats(query);
  await expect(figure(page, 'nps')).toHaveText(`${stats.summary.nps} ±${stats.summary.marginOfError}`);
  await expect(figure(page, 'responses')).toHaveText(String(stats.summary.total));
  return stats;
};

test('a viewer’s dashboard shows the same numbers as GET /v1/stats for the same filters, and keeps them in the address', async ({ page, pageErrors }) => {
  const chartChunks: string[] = [];
  page.on('request', (request) => void (request.url().includes('uplot-charts') && chartChunks.push(request.url())));
  await signInAs(page, 'viewer');
  await expect(page.getByRole('heading', { name: 'Latest responses' })).toBeVisible();
  expect(chartChunks).toEqual([]); // no chart code before the dashboard asks for it …
  await openDashboard(page);
  const stats = await expectFigures(page, { surveyId });
  // Hand-computed too: 3 promoters, 2 passives, 2 detractors of 7; 7 of 20 displays answered.
  expect(stats.summary).toMatchObject({ promoters: 3, passives: 2, detractors: 2, total: 7, nps: 14.3 });
  await expect(figure(page, 'shown')).toHaveText('20');
  await expect(figure(page, 'response-rate')).toHaveText('35 %');
  await expect(page.locator('.chart canvas').first()).toBeVisible(); // … and then it did
  expect(chartChunks.length).toBeGreaterThan(0);

  // Each chart's table: the scores, the segments and the drivers say the same as the stats.
  const scores = page.getByRole('table', { name: 'Responses per score' });
  for (const [score, count] of stats.distribution.entries()) await expect(scores.getByRole('row').nth(score + 1)).toContainText(`${score}${count}`);
  await expect(page.getByRole('table', { name: 'Responses per segment' }).getByRole('row', { name: /Promoters/ })).toContainText('343 %');
  await expect(page.getByRole('table', { name: 'Detractors' }).getByRole('row').nth(1)).toContainText('support2100 %');
  await expect(page.getByRole('table', { name: 'Passives' }).getByRole('row').nth(1)).toContainText('price2100 %');

  // A trait narrows it; the address keeps both, and opening that address shows the same.
  await page.getByLabel('Trait', { exact: true }).fill('plan');
  await page.getByLabel('Trait value').fill('pro');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/trait\.plan=pro/);
  const pro = await expectFigures(page, { surveyId, trait: { key: 'plan', value: 'pro' } });
  expect(pro.summary.total).toBe(3);
  await expect(figure(page, 'response-rate')).toHaveText('—');
  await page.reload();
  await expect(heading(page, 'Dashboard')).toBeVisible();
  await expectFigures(page, { surveyId, trait: { key: 'plan', value: 'pro' } });
  await expect(page.getByLabel('Trait value')).toHaveValue('pro');
  expect(pageErrors).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`dashboard, axe (${theme}): zero violations with its charts drawn`, async ({ page, violations }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openDashboard(page);
    await expect(page.locator('.chart canvas').first()).toBeVisible();
    expect(await axe(page)).toEqual([]);
    expect(violations).toEqual([]);
  });
}

test('dashboard at 360 px: no horizontal scroll, charts drawn to its width', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openDashboard(page);
  await expect(page.locator('.chart canvas').first()).toBeVisible();
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
});

test('keyboard only: from the heading, Tab to the survey filter, Enter applies it', async ({ page }) => {
  await signInAs(page, 'viewer');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Dashboard' }).press('Enter');
  await expect(heading(page, 'Dashboard')).toBeFocused();
  // Date fields take a Tab per part (month, day, year): walk on until the survey field has focus.
  const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
  const passed: string[] = [];
  for (let presses = 0; presses < 20 && (await focused()) !== 'filter-survey'; presses++) {
    await page.keyboard.press('Tab');
    passed.push(await focused());
  }
  expect([...new Set(passed)]).toEqual(['filter-from', 'filter-to', 'filter-interval', 'filter-survey']);
  await page.keyboard.type(surveyId);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`surveyId=${surveyId}$`));
  await expectFigures(page, { surveyId });
});
