import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { changePublishedSchema, changeSchema, responseDetailSchema } from '../../sdk/index.ts';
import { collectorUrl, demoUrl, expect, runTag, test } from './fixtures.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const secretKey = () => process.env.E2E_SECRET_KEY ?? '';

/** The team's side, by the v1 site key (a member of the site's team): record a change, publish it. */
async function admin(path: string, body?: unknown): Promise<unknown> {
  const answer = await fetch(`${collectorUrl()}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${secretKey()}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(answer.ok, `${path}: ${answer.status}`).toBe(true);
  return answer.json();
}

/** Someone who answered on the shop (identified), as the widget would have sent it. */
async function answered(userId: string): Promise<string> {
  const id = randomUUID();
  const answer = await fetch(`${collectorUrl()}/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(demoUrl()).origin },
    body: JSON.stringify({
      id,
      siteKey: process.env.E2E_SITE_KEY,
      surveyId: 'nps',
      seq: 1,
      score: 3,
      status: 'complete',
      comment: 'Exports take forever',
      anonymousId: `anon-${userId}`,
      user: { id: userId, email: `${userId}@example.com` },
      context: { url: `${demoUrl()}/returning.html`, locale: 'en', createdAt: new Date().toISOString() },
    }),
  });
  expect(answer.status).toBe(200);
  return id;
}

const notice = (page: Page) => page.locator('onepoint-notice');

async function axe(page: Page): Promise<string[]> {
  await notice(page).evaluate((host) => Promise.all((host.shadowRoot?.getAnimations() ?? []).map((animation) => animation.finished)));
  const results = await new AxeBuilder({ page }).include('onepoint-notice').withTags(TAGS).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test('a published change reaches the respondent who asked: a notice on their next visit, once, then never again', async ({ page, violations, pageErrors }) => {
  const userId = `u-${runTag()}`;
  const responseId = await answered(userId);
  const title = `Exports are now 3× faster (${userId})`;
  const change = changeSchema.parse(await admin('/v1/changes', { title, body: 'You asked; a big export now takes seconds.', responseIds: [responseId] }));
  const published = changePublishedSchema.parse(await admin(`/v1/changes/${change.id}/publish`, {}));
  expect(published).toMatchObject({ published: true, resolved: 1, notices: 1, emailed: 1 });
  const detail = responseDetailSchema.parse(await admin(`/v1/responses/${responseId}`));
  expect(detail.response.followUpStatus).toBe('resolved');
  expect(detail.timeline.at(-1)).toMatchObject({ kind: 'change', changeId: change.id, title });

  const uiLoads: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/dist/onepoint-ui')) uiLoads.push(request.url());
  });
  const seen = page.waitForResponse((response) => response.url().includes(`/v1/notices/`) && response.request().method() === 'POST');
  await page.goto(`${demoUrl()}/returning.html?user=${userId}`);
  const card = notice(page).getByRole('region', { name: title });
  await expect(card).toBeVisible();
  await expect(card).toContainText('You told us what you thought — here is what we changed');
  await expect(card).toContainText('a big export now takes seconds');
  expect((await seen).status()).toBe(204);
  // Not a survey, and it took nobody's focus.
  await expect(page.locator('onepoint-survey')).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  expect(await axe(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(notice(page)).toHaveCount(0);

  // The next visit: the answer carries no notice, so nothing but the loader loads.
  uiLoads.length = 0;
  const eligibility = page.waitForResponse((response) => response.url().includes('/v1/eligibility'));
  await page.reload();
  const answer: unknown = await (await eligibility).json();
  expect(answer).toMatchObject({ eligible: false });
  expect(answer).not.toHaveProperty('notices');
  await page.waitForLoadState('networkidle');
  await expect(notice(page)).toHaveCount(0);
  expect(uiLoads).toEqual([]);
  expect(violations).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('the notice card: dark theme without axe violations, 360 px without horizontal scroll, the close button closes it', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
  const page = await context.newPage();
  const userId = `u-${runTag()}`;
  const responseId = await answered(userId);
  const title = `Refunds now take a day — a title long enough to wrap on a small phone screen (${userId})`;
  const change = changeSchema.parse(await admin('/v1/changes', { title, body: 'Thank you for telling us.', responseIds: [responseId] }));
  await admin(`/v1/changes/${change.id}/publish`, {});
  await page.goto(`${demoUrl()}/returning.html?user=${userId}`);
  const card = notice(page).getByRole('region', { name: title });
  await expect(card).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const box = await card.boundingBox();
  expect(box?.width).toBeLessThanOrEqual(360);
  expect(await axe(page)).toEqual([]);
  const close = card.getByRole('button', { name: 'Close' });
  const size = await close.boundingBox();
  expect(size?.width).toBeGreaterThanOrEqual(24);
  await close.click();
  await expect(notice(page)).toHaveCount(0);
  await context.close();
});
