import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { collectorUrl } from './fixtures.ts';
import { SEEDED, TEAM_PASSWORD } from './team-seed.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A path of the team app on the collector. */
export const appUrl = (path = '/') => `${collectorUrl()}${path}`;

/** axe's WCAG 2.2 AA violations on the page as it is, one line each. */
export async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** How far the page is wider than its viewport (0: no horizontal scroll). */
export const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Signs in through the sign-in screen as one of the seeded people; answers once the app shows its navigation. */
export async function signInAs(page: Page, who: keyof typeof SEEDED, password = TEAM_PASSWORD): Promise<void> {
  await page.goto(appUrl('/sign-in'));
  await page.getByLabel('Email').fill(SEEDED[who].email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
}

/** The screen's heading, once it shows. */
export const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
