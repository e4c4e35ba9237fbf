// npm run screenshots: every screen of the survey, photographed in Debian's Chromium, into
// docs/screenshots (light, dark, a 360 px phone, Arabic right-to-left), then the team app's
// (app-screenshots.ts). Needs `npm run build`. SCREENSHOTS=widget or SCREENSHOTS=app takes one set.
import { chromium, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { chromiumLaunchOptions } from '../test/helpers/chromium.ts';
import { startDemoStack } from '../test/helpers/demo-stack.ts';
import { shootTeamApp } from './app-screenshots.ts';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
const stack = await startDemoStack();
const browser = await chromium.launch(chromiumLaunchOptions);

async function open(options: { theme?: string; locale?: string; width?: number; height?: number }) {
  const context = await browser.newContext({ viewport: { width: options.width ?? 900, height: options.height ?? 640 }, reducedMotion: 'reduce', deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(`${stack.demoUrl}/playground.html`);
  if (options.locale) await page.getByLabel('Locale').selectOption(options.locale);
  await page.getByLabel('Theme').selectOption(options.theme ?? 'light');
  await page.getByRole('button', { name: 'Show the survey' }).click();
  await page.getByRole('dialog').waitFor();
  return page;
}

const card = (page: Page) => page.locator('onepoint-survey').getByRole('dialog');
async function shoot(page: Page, name: string, whole = false) {
  await page.waitForTimeout(150);
  await (whole ? page.screenshot({ path: `${out}/${name}.png` }) : card(page).screenshot({ path: `${out}/${name}.png` }));
  console.log(`${out}/${name}.png`);
}

const only = process.env.SCREENSHOTS;
if (only !== 'app') await shootWidget();
if (only !== 'widget') await shootTeamApp(browser, stack, out);

await browser.close();
await stack.close();

/** The survey's screens, light and dark, each segment's thanks, a phone, right-to-left. */
async function shootWidget() {
  for (const theme of ['light', 'dark']) {
    for (const [score, segment] of [
      [10, 'promoter'],
      [7, 'passive'],
      [3, 'detractor'],
    ] as const) {
      const page = await open({ theme });
      if (segment === 'promoter') await shoot(page, `${theme}-score`);
      await card(page).getByRole('radio', { name: new RegExp(`^${score}(,|$)`) }).click();
      await card(page).getByRole('checkbox').first().check();
      if (segment === 'promoter') await shoot(page, `${theme}-follow-up`);
      await card(page).getByRole('textbox').fill('Faster exports would make my week.');
      await card(page).getByRole('button', { name: 'Send' }).click();
      await card(page).getByRole('heading', { level: 2 }).waitFor();
      if (segment === 'detractor') await card(page).getByRole('checkbox').check();
      await shoot(page, `${theme}-thanks-${segment}`);
      await page.context().close();
    }
  }
  const phone = await open({ width: 360, height: 740 });
  await shoot(phone, 'mobile-score', true);
  await phone.context().close();
  const rtl = await open({ locale: 'ar' });
  await shoot(rtl, 'rtl-score');
  await rtl.context().close();
}
