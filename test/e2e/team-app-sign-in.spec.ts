import { expect, test } from './fixtures.ts';
import { appUrl, heading, signInAs } from './team-app.ts';
import { SEEDED, TEAM_PASSWORD } from './team-seed.ts';

// Signing in and out of the team app in Chromium, against the real collector (better-auth,
// sessions, throttling), under the collector's own CSP.
test.describe('team app: signing in', () => {
  test('keyboard only: Tab to the email, type, Tab, type, Enter; lands in the inbox of the team', async ({ page, violations, pageErrors }) => {
    await page.goto(appUrl('/'));
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(heading(page, 'Sign in')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Email')).toBeFocused();
    await page.keyboard.type(SEEDED.keyboard.email);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Password')).toBeFocused();
    await page.keyboard.type(TEAM_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(heading(page, 'Inbox')).toBeVisible();
    await expect(page).toHaveURL(/\/inbox$/);
    await expect(page.getByRole('banner')).toContainText('Acme support');
    // The focus moved to the new screen's heading, for keyboard and screen-reader users alike.
    await expect(heading(page, 'Inbox')).toBeFocused();
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('a wrong password says so plainly; too many say how many seconds to wait (Retry-After)', async ({ page }) => {
    await page.goto(appUrl('/sign-in'));
    await page.getByLabel('Email').fill(SEEDED.throttled.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('That email and password do not match. Check both and try again.');
    let text = '';
    for (let attempt = 0; attempt < 8 && !/Wait \d+ seconds?/.test(text); attempt++) {
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
      text = (await page.getByRole('alert').textContent()) ?? '';
    }
    expect(text).toMatch(/^Too many sign-in attempts\. Wait \d+ seconds? before trying again\.$/);
    await expect(page.getByLabel('Email')).toHaveValue(SEEDED.throttled.email);
  });

  test('forgot password: the same neutral answer for a member and for an unknown address', async ({ page }) => {
    await page.goto(appUrl('/sign-in'));
    await page.getByRole('button', { name: 'Forgot password?' }).click();
    await expect(heading(page, 'Reset your password')).toBeVisible();
    const answers: string[] = [];
    for (const email of [SEEDED.viewer.email, 'nobody-here@team.example']) {
      await page.getByLabel('Email').fill(email);
      await page.getByRole('button', { name: 'Send reset link' }).click();
      const status = page.getByRole('status');
      await expect(status).toBeVisible();
      answers.push((await status.textContent()) ?? '');
    }
    expect(answers[0]).toMatch(/If that address belongs to a member, a link is on its way/);
    expect(answers[1]).toBe(answers[0]);
    await page.getByRole('button', { name: 'Back to sign in' }).click();
    await expect(heading(page, 'Sign in')).toBeVisible();
  });

  test('sign out ends the session: the app, reloaded, asks to sign in again', async ({ page }) => {
    await signInAs(page, 'viewer');
    await page.getByRole('button', { name: /Vic Viewer/ }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(heading(page, 'Sign in')).toBeVisible();
    await page.goto(appUrl('/members'));
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(heading(page, 'Sign in')).toBeVisible();
  });

  test('a viewer sees no admin sections, and the members without any change control', async ({ page }) => {
    await signInAs(page, 'viewer');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await expect(nav.getByRole('link')).toHaveText(['Inbox', 'Dashboard', 'Changes', 'Members', 'Notifications', 'Settings']);
    await nav.getByRole('link', { name: 'Members' }).click();
    await expect(heading(page, 'Members')).toBeVisible();
    await expect(page.getByText('Ada Admin', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /Remove|Reset link|Invite/ })).toHaveCount(0);
    await expect(page.getByRole('combobox')).toHaveCount(0);
    // An admin screen by its address: back to the inbox.
    await page.goto(appUrl('/tokens'));
    await expect(heading(page, 'Inbox')).toBeVisible();
    await expect(page).toHaveURL(/\/inbox$/);
    await page.goto(appUrl('/webhooks'));
    await expect(heading(page, 'Inbox')).toBeVisible();
    await expect(page).toHaveURL(/\/inbox$/);
  });

  test('change password: the rules, a wrong current password said, then the new one is the one that signs in', async ({ page }) => {
    const fresh = 'a quiet lighthouse keeper';
    await signInAs(page, 'changer');
    await page.getByRole('button', { name: /Cat Changes/ }).click();
    await page.getByRole('button', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change password' });
    await expect(dialog.getByLabel('Current password')).toBeFocused();
    await dialog.getByLabel('Current password').fill('not my password at all');
    await dialog.getByLabel('New password').fill('short');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expect(dialog.getByText('Too short: use at least 12 characters.')).toBeVisible();
    await dialog.getByLabel('New password').fill(fresh);
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('The current password is not right.');
    await dialog.getByLabel('Current password').fill(TEAM_PASSWORD);
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expect(dialog.getByRole('status')).toContainText('Your password is changed');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: /Cat Changes/ }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signInAs(page, 'changer', fresh);
    await expect(heading(page, 'Inbox')).toBeVisible();
  });
});
