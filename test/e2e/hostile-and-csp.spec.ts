import { demoUrl, expect, expectStored, scoreButton, survey, test } from './fixtures.ts';

async function answer(page: import('@playwright/test').Page, posted: string[]) {
  await expect(survey(page)).toBeVisible({ timeout: 8000 });
  await scoreButton(page, 9).click();
  await survey(page).getByRole('textbox').fill('Works under CSP');
  await survey(page).getByRole('button', { name: 'Send' }).click();
  await expect(survey(page).getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await expect.poll(() => posted.length).toBe(1);
  await expectStored(posted[0] ?? '', (row) => row.seq === 2);
}

const styled = (page: import('@playwright/test').Page) =>
  survey(page).evaluate((element) => {
    const style = getComputedStyle(element);
    return { radius: style.borderRadius, background: style.backgroundColor, font: getComputedStyle(element.querySelector('h2') ?? element).fontSize, width: element.getBoundingClientRect().width };
  });

for (const pageName of ['csp.html', 'csp-nonce.html']) {
  test(`strict CSP (${pageName}): fully styled, works, zero securitypolicyviolation events`, async ({ page, posted, violations, pageErrors }) => {
    const response = await page.goto(`${demoUrl()}/${pageName}`);
    expect(response?.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'");
    await expect(survey(page)).toBeVisible({ timeout: 8000 });
    expect(await styled(page)).toEqual({ radius: '12px', background: 'rgb(255, 255, 255)', font: '16px', width: 400 });
    await answer(page, posted);
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
}

test('hostile host page: looks and works the same, host error count stays 0', async ({ page, posted, pageErrors }) => {
  await page.goto(`${demoUrl()}/hostile.html`);
  await expect(survey(page)).toBeVisible({ timeout: 8000 });
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('5px');
  expect(await styled(page)).toEqual({ radius: '12px', background: 'rgb(255, 255, 255)', font: '16px', width: 400 });
  const box = await scoreButton(page, 5).boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(36);
  await answer(page, posted);
  expect(await page.evaluate(() => (window as unknown as { hostErrors: string[] }).hostErrors)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { fetchCalls: number }).fetchCalls)).toBeGreaterThan(0);
  expect(pageErrors).toEqual([]);
  // And the widget never styled the host.
  expect(await page.locator('#host-button').evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(255, 105, 180)');
});
