import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { demoUrl, expect, loadTag, scoreButton, survey, test } from './fixtures.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page) {
  // Judge the steady state: mid fade-in (160 ms of opacity), every text would fail contrast.
  await survey(page).evaluate((card) => Promise.all(card.getAnimations({ subtree: true }).map((animation) => animation.finished)));
  const results = await new AxeBuilder({ page }).include('onepoint-survey').withTags(TAGS).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function open(page: Page, theme: 'light' | 'dark') {
  await page.goto(`${demoUrl()}/playground.html`);
  await page.getByLabel('Theme').selectOption(theme);
  await page.getByRole('button', { name: 'Show the survey' }).click();
  await expect(survey(page)).toBeVisible();
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe (${theme}): zero violations on the score, follow-up and every thank-you`, async ({ page }) => {
    // Three rounds of three axe runs: 19–28 s on a loaded 2-core machine, too near the 30 s default.
    test.setTimeout(60_000);
    for (const [score, segment] of [
      [10, 'promoter'],
      [7, 'passive'],
      [2, 'detractor'],
    ] as const) {
      await open(page, theme);
      expect(await violations(page), `score step, ${theme}`).toEqual([]);
      await scoreButton(page, score).click();
      await expect(survey(page).getByRole('textbox')).toBeVisible();
      await survey(page).getByRole('checkbox').first().check();
      expect(await violations(page), `follow-up after ${score}, ${theme}`).toEqual([]);
      await survey(page).getByRole('button', { name: 'Send' }).click();
      await expect(survey(page)).toHaveAttribute('data-step', 'thank-you');
      if (segment === 'detractor') await survey(page).getByRole('checkbox').check();
      expect(await violations(page), `${segment} thank-you, ${theme}`).toEqual([]);
    }
  });
}

// Browsers keep oklch()/lab() colours in their own space when computing styles, so the text
// colour on the accent must not depend on reading rgb() back.
for (const [accent, text] of [
  ['oklch(0.93 0.12 100)', 'rgb(0, 0, 0)'],
  ['oklch(0.35 0.15 265)', 'rgb(255, 255, 255)'],
  ['lab(90 -10 60)', 'rgb(0, 0, 0)'],
] as const) {
  test(`accent ${accent}: the text on it is ${text === 'rgb(0, 0, 0)' ? 'black' : 'white'} (≥ 4.5:1)`, async ({ page }) => {
    await loadTag(page, [['init', { accent }], ['show']]);
    await scoreButton(page, 7).focus();
    await page.keyboard.press('ArrowRight');
    await expect(scoreButton(page, 8)).toHaveAttribute('aria-checked', 'true');
    expect(await scoreButton(page, 8).evaluate((element) => getComputedStyle(element).color)).toBe(text);
  });
}
