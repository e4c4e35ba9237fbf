import { expect, test } from '@playwright/test';
import { collectorUrl, demoUrl } from './fixtures.ts';

// The collector's own pages (the team app), under the headers it sends them with (security-headers
// middleware and the app's policy): a real browser enforces the policy, so the app must work
// under it, and no other site may frame it.
test.describe('the collector’s HTML pages in Chromium', () => {
  test('/ (the team app) works under its Content-Security-Policy, with zero violations', async ({ page }) => {
    await page.addInitScript(() => {
      const win = window as unknown as { __violations: string[] };
      win.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => win.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const response = await page.goto(`${collectorUrl()}/`);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).toMatch(/style-src 'self'/);
    // The app ran (its script and stylesheet loaded) and asked who is signed in: nobody.
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  });

  test('/admin, the interim team page, now leads to the team app', async ({ page }) => {
    await page.goto(`${collectorUrl()}/admin`);
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  });

  test('the team app cannot be framed by another site (frame-ancestors none)', async ({ page }) => {
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/frame-ancestors/.test(message.text())) refused.push(message.text());
    });
    await page.goto(`${demoUrl()}/index.html`);
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
    }, `${collectorUrl()}/sign-in`);
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    await expect(page.frameLocator('iframe').getByRole('heading', { name: 'Sign in' })).toHaveCount(0);
    expect(framed?.url() ?? '').not.toBe(`${collectorUrl()}/sign-in`);
  });
});
