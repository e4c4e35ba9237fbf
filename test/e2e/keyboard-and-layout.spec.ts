import { demoUrl, expect, expectStored, scoreButton, survey, test } from './fixtures.ts';

test('keyboard only: Tab in, arrows move without submitting, Enter confirms, Esc closes, focus goes back', async ({ page, posted }) => {
  await page.goto(`${demoUrl()}/website.html`);
  await expect(survey(page)).toBeVisible({ timeout: 8000 });
  await expect(page.locator('#host-button')).not.toBeFocused(); // shown by itself: focus not taken
  await page.locator('#host-button').focus();
  await page.keyboard.press('Tab');
  await expect(survey(page).getByRole('button', { name: 'Close survey' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(scoreButton(page, 0)).toBeFocused();
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  await expect(scoreButton(page, 8)).toBeFocused();
  await expect(scoreButton(page, 8)).toHaveAttribute('aria-checked', 'true');
  await expect(survey(page).getByRole('radiogroup')).toBeVisible(); // arrows never submit
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await expect(scoreButton(page, 9)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(survey(page).getByRole('textbox')).toBeFocused();
  await page.keyboard.type('Faster search');
  await page.keyboard.press('Tab'); // Skip
  await page.keyboard.press('Tab'); // Send
  await expect(survey(page).getByRole('button', { name: 'Send' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(survey(page).getByRole('heading', { name: 'Thank you!' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(survey(page)).toHaveCount(0);
  await expect(page.locator('#host-button')).toBeFocused();
  await expect.poll(() => posted.length).toBe(1);
  expect(await expectStored(posted[0] ?? '', (row) => row.seq === 2)).toMatchObject({ score: 9, comment: 'Faster search' });
});

test('modal (center): focus moves in, stays in on Tab, and returns to the opener on Esc', async ({ page }) => {
  await page.goto(`${demoUrl()}/playground.html`);
  await page.getByLabel('Position').selectOption('center');
  const opener = page.getByRole('button', { name: 'Show the survey' });
  await opener.click();
  await expect(scoreButton(page, 0)).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('ONEPOINT-SURVEY');
  await page.keyboard.press('Escape');
  await expect(survey(page)).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('a 320 px phone: a bottom sheet, every score visible and at least 24×24', async ({ browser }) => {
  // Reduced motion: honoured (no entrance animation), and the geometry is final at once.
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${demoUrl()}/website.html`);
  await expect(survey(page)).toBeVisible({ timeout: 8000 });
  const card = await survey(page).boundingBox();
  expect(card?.width).toBe(320);
  expect(Math.round((card?.y ?? 0) + (card?.height ?? 0))).toBe(640);
  for (let score = 0; score <= 10; score++) {
    const box = await scoreButton(page, score).boundingBox();
    expect(box, `score ${score}`).not.toBeNull();
    expect(box?.width).toBeGreaterThanOrEqual(24);
    expect(box?.height).toBeGreaterThanOrEqual(44);
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 320).toBe(true);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await scoreButton(page, 10).tap();
  await expect(survey(page).getByRole('textbox')).toBeVisible();
  await context.close();
});

test('right-to-left (Arabic): mirrored layout and Arabic words', async ({ page }) => {
  await page.goto(`${demoUrl()}/playground.html`);
  await page.getByLabel('Locale').selectOption('ar');
  await page.getByRole('button', { name: 'Show the survey' }).click();
  const dialog = page.getByRole('dialog', { name: 'استطلاع رأي' });
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  const zero = await dialog.getByRole('radio', { name: /^0,/ }).boundingBox();
  const ten = await dialog.getByRole('radio', { name: /^10,/ }).boundingBox();
  expect((zero?.x ?? 0) > (ten?.x ?? 0)).toBe(true);
  await page.keyboard.press('ArrowLeft');
  await expect(dialog.getByRole('radio', { name: /^1$/ })).toBeFocused();
});

test('dark theme: dark card, light text, visible focus ring', async ({ page }) => {
  await page.goto(`${demoUrl()}/playground.html`);
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByRole('button', { name: 'Show the survey' }).click();
  const colours = await survey(page).evaluate((element) => ({ background: getComputedStyle(element).backgroundColor, color: getComputedStyle(element).color }));
  expect(colours).toEqual({ background: 'rgb(17, 24, 39)', color: 'rgb(243, 244, 246)' });
  await page.keyboard.press('ArrowRight');
  const outline = await scoreButton(page, 1).evaluate((element) => getComputedStyle(element).outlineStyle + ' ' + getComputedStyle(element).outlineWidth);
  expect(outline).toBe('solid 3px');
});
