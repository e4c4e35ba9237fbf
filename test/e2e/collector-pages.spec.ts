import { expect, test } from '@playwright/test';
import { collectorUrl, demoUrl } from './fixtures.ts';

// The collector's own pages, under the headers it sends them with (security-headers middleware):
// a real browser enforces the policy, so the page must work under it, and no other site may frame it.
test.describe('the collector’s HTML pages in Chromium', () => {
  test('/admin works under its Content-Security-Policy, with zero violations', async ({ page }) => {
    await page.addInitScript(() => {
      const win = window as unknown as { __violations: string[] };
      win.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => win.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const response = await page.goto(`${collectorUrl()}/admin#sk=${process.env.E2E_SECRET_KEY ?? ''}`);
    expect(response?.headers()['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    await expect(page.locator('#summary')).toContainText('NPS');
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  });

  test('/admin reads through the admin client, and its own refreshes say so (logged at debug) with the key still sent', async ({ page }) => {
    const first = page.waitForRequest((request) => request.url().includes('/v1/stats') && !request.headers()['x-onepoint-refresh']);
    const refresh = page.waitForResponse((response) => response.url().includes('/v1/stats') && response.request().headers()['x-onepoint-refresh'] === '1', { timeout: 15_000 });
    await page.goto(`${collectorUrl()}/admin#sk=${process.env.E2E_SECRET_KEY ?? ''}`);
    expect((await first).headers().authorization).toBe(`Bearer ${process.env.E2E_SECRET_KEY ?? ''}`);
    const answered = await refresh;
    expect(answered.status()).toBe(200);
    expect(answered.request().headers().authorization).toBe(`Bearer ${process.env.E2E_SECRET_KEY ?? ''}`);
  });

  test('/admin cannot be framed by another site (frame-ancestors none)', async ({ page }) => {
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/frame-ancestors/.test(message.text())) refused.push(message.text());
    });
    await page.goto(`${demoUrl()}/index.html`);
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
    }, `${collectorUrl()}/admin`);
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    await expect(page.frameLocator('iframe').locator('#summary')).toHaveCount(0);
    expect(framed?.url() ?? '').not.toBe(`${collectorUrl()}/admin`);
  });
});
