import type { Page } from '@playwright/test';
import { createAdminClient } from '../../sdk/index.ts';
import { collectorUrl, demoUrl, expect, runTag, survey, test } from './fixtures.ts';

/** Opens a plain demo page with the tag, showing survey `surveyId` at once (forced: every page view shows it). */
async function showSurvey(page: Page, surveyId: string) {
  await page.goto(`${demoUrl()}/index.html`);
  await page.evaluate(
    ({ endpoint, siteKey, surveyId }) => {
      const win = window as unknown as { onepoint: { (...args: unknown[]): void; q?: unknown[][] } };
      win.onepoint = (...args: unknown[]) => (win.onepoint.q ??= []).push(args);
      win.onepoint('init', { endpoint, siteKey, surveyId, delay: 0 });
      win.onepoint('show', { force: true });
      const script = document.createElement('script');
      script.src = '/dist/onepoint.js';
      document.head.append(script);
    },
    { endpoint: collectorUrl(), siteKey: process.env.E2E_SITE_KEY ?? '', surveyId },
  );
  await expect(survey(page)).toBeVisible({ timeout: 8000 });
  // A display is counted by the delivery chunk, which loads as the survey shows: a page left before
  // it arrived (tens of ms; under CI's load, longer) has nothing to send. Wait for it, then a frame.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('onepoint-ui-delivery')));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}

const shownOf = async (surveyId: string) => (await createAdminClient({ endpoint: collectorUrl(), token: process.env.E2E_SECRET_KEY ?? '' }).stats({ surveyId })).shown;

// Beacons of a page being left do not show as Playwright requests: the collector's count is the witness.
test('one display posts one impression when the page is left; a second page view another', async ({ page }) => {
  const surveyId = `imp-${runTag()}`;
  await showSurvey(page, surveyId);
  // Counted, not sent: a display costs no request while the page is in use.
  await page.waitForTimeout(300);
  expect(await shownOf(surveyId)).toBe(0);

  await showSurvey(page, surveyId); // leaving the first page (pagehide) sends its count
  await expect.poll(() => shownOf(surveyId)).toBe(1);
  // Left for a page of the same site, as the first was: a cross-site navigation (about:blank) swaps
  // Chromium's renderer process, and under load the old one's beacon was seen to go missing.
  await page.goto(`${demoUrl()}/playground.html`);
  await expect.poll(() => shownOf(surveyId), { timeout: 20_000 }).toBe(2);
  await page.waitForTimeout(300);
  expect(await shownOf(surveyId)).toBe(2); // once each: hidden, then pagehide, sent nothing twice
});

test('a test display is not counted', async ({ page }) => {
  const surveyId = `imp-test-${runTag()}`;
  await page.goto(`${demoUrl()}/index.html`);
  await page.evaluate(
    ({ endpoint, siteKey, surveyId }) => {
      const win = window as unknown as { onepoint: { (...args: unknown[]): void; q?: unknown[][] } };
      win.onepoint = (...args: unknown[]) => (win.onepoint.q ??= []).push(args);
      win.onepoint('init', { endpoint, siteKey, surveyId, delay: 0, test: true });
      const script = document.createElement('script');
      script.src = '/dist/onepoint.js';
      document.head.append(script);
    },
    { endpoint: collectorUrl(), siteKey: process.env.E2E_SITE_KEY ?? '', surveyId },
  );
  await expect(survey(page)).toBeVisible({ timeout: 8000 });
  await page.goto('about:blank');
  await page.waitForTimeout(500);
  expect(await shownOf(surveyId)).toBe(0);
});
