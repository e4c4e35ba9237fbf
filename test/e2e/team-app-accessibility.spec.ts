import type { Page } from '@playwright/test';
import { expect, runTag, test } from './fixtures.ts';
import { appUrl, axe, heading, overflowX, signInAs } from './team-app.ts';

// Every screen of the team app, in light and dark, at 1280 px and at 360 px: zero axe violations
// (WCAG 2.2 AA) and no horizontal scroll. Each step leaves the screen in a state worth judging
// (an error shown, a link or a secret to copy, a dialog open).
type Check = (page: Page, label: string) => Promise<void>;

async function everyScreen(page: Page, check: Check) {
  await page.goto(appUrl('/sign-in'));
  await expect(heading(page, 'Sign in')).toBeVisible();
  await page.getByLabel('Email').fill('ada.admin@team.example');
  await page.getByLabel('Password').fill('x');
  await check(page, 'sign-in');
  await page.getByRole('button', { name: 'Forgot password?' }).click();
  await check(page, 'forgot password');

  await page.goto(appUrl('/reset-password?token=not-a-real-token'));
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page.getByText(/Too short/)).toBeVisible();
  await check(page, 'reset password, too short');
  await page.getByLabel('New password').fill('a perfectly long passphrase');
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await check(page, 'reset password, used link');

  await page.goto(appUrl('/invite?token=not-a-real-token'));
  await expect(page.getByRole('alert')).toContainText(/expired or has already been used/);
  await check(page, 'invitation, bad link');

  await signInAs(page, 'admin');
  await expect(page.getByRole('heading', { name: 'Latest responses' })).toBeVisible();
  await check(page, 'inbox');

  await page.getByRole('link', { name: 'Members' }).click();
  await expect(page.getByText('Vic Viewer', { exact: true })).toBeVisible();
  await page.getByLabel('Email').fill(`a11y-${runTag()}@team.example`);
  await page.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByRole('region', { name: 'Invitation link' })).toBeVisible();
  await check(page, 'members, invitation link');

  await page.getByRole('link', { name: 'API tokens' }).click();
  await page.getByLabel('Name').fill(`a11y ${runTag()}`);
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByRole('region', { name: 'New token’s secret' })).toBeVisible();
  await check(page, 'tokens, secret shown');

  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(heading(page, 'Audit log')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Audit entries, newest first' }).getByRole('listitem').first()).toBeVisible();
  await check(page, 'audit log');

  await page.getByRole('link', { name: 'Privacy' }).click();
  await expect(heading(page, 'Privacy')).toBeVisible();
  await page.getByLabel('Email address').fill(`nobody-${runTag()}@example.com`);
  await page.getByRole('button', { name: 'Erase…' }).click();
  const confirm = page.getByRole('group', { name: /^Erase nobody-/ });
  await expect(confirm).toBeVisible();
  await check(page, 'privacy, confirming');
  await confirm.getByRole('button', { name: 'Erase', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Erased nobody-');
  await check(page, 'privacy, erased');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await expect(heading(page, 'Settings')).toBeVisible();
  const site = `a11y ${runTag()}`;
  await page.getByLabel('Site name').fill(site);
  await page.getByRole('region', { name: 'New site' }).getByLabel('Allowed origins').fill(`https://${site.replace(' ', '-')}.example`);
  await page.getByRole('button', { name: 'Create site' }).click();
  await expect(page.getByRole('region', { name: `Keys of ${site}` })).toBeVisible();
  await check(page, 'settings, a new site’s keys');
  await page.getByRole('button', { name: `Edit ${site}` }).click();
  await page.getByRole('form', { name: `Edit ${site}` }).getByLabel('Allowed origins').fill('https://a.example/path');
  await page.getByRole('button', { name: 'Save site' }).click();
  await expect(page.getByText(/is not an origin/)).toBeVisible();
  await page.getByLabel('Follow-up time (days)').fill('0');
  await page.getByRole('button', { name: 'Save team' }).click();
  await expect(page.getByText('Use 1 to 90 days.')).toBeVisible();
  await check(page, 'settings, bad origin and SLA');

  await page.getByRole('button', { name: /Ada Admin/ }).click();
  await expect(page.getByRole('button', { name: 'Sign out everywhere' })).toBeVisible();
  await check(page, 'user menu');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('dialog', { name: 'Change password' })).toBeVisible();
  await check(page, 'change password dialog');
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe (${theme}): zero violations on every screen`, async ({ page, violations, pageErrors }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: theme });
    await everyScreen(page, async (current, label) => expect(await axe(current), `${label}, ${theme}`).toEqual([]));
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
}

test('360 px wide: no horizontal scroll on any screen, the inbox as cards', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await everyScreen(page, async (current, label) => {
    expect(await overflowX(current), label).toBeLessThanOrEqual(0);
    if (label === 'inbox') await expect(current.locator('table')).toBeHidden();
  });
});
