import { expect, runTag, test } from './fixtures.ts';
import { appUrl, heading, signInAs } from './team-app.ts';
import { TEAM_PASSWORD } from './team-seed.ts';

// What an admin does in the team app, end to end against the real collector: invite someone who
// then joins with the link, hand over a password link, make and revoke an API token, read the
// audit log, switch team.
test.describe('team app: the admin’s work', () => {
  test('invite: the link, copied, opens the invitation in another browser; the person joins with a name and password and lands in the inbox', async ({ page, browser }) => {
    const email = `nia-${runTag()}@team.example`;
    await signInAs(page, 'admin');
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Role', { exact: true }).selectOption('member');
    await page.getByRole('button', { name: 'Invite' }).click();
    const link = await page.getByLabel(/Invitation link for/).inputValue();
    expect(link).toMatch(/\/invite\?token=/);
    await expect(page.getByRole('list').getByText(email)).toBeVisible();

    const other = await browser.newContext();
    const invitee = await other.newPage();
    await invitee.goto(link);
    await expect(heading(invitee, 'Join Acme support')).toBeVisible();
    await expect(invitee.getByText(email)).toBeVisible();
    await invitee.getByLabel('Your name').fill('Nia New');
    await invitee.getByLabel('Choose a password').fill('password1234');
    await invitee.getByRole('button', { name: 'Join and sign in' }).click();
    await expect(invitee.getByText(/too common|Too short/)).toBeVisible();
    await invitee.getByLabel('Choose a password').fill('a sunny walk to the harbour');
    await invitee.getByRole('button', { name: 'Join and sign in' }).click();
    await expect(heading(invitee, 'Inbox')).toBeVisible();
    await expect(invitee.getByRole('button', { name: /Nia New/ })).toBeVisible();
    await other.close();
  });

  test('a reset link for a member: copied from the list, used once to choose a new password', async ({ page, browser }) => {
    await signInAs(page, 'admin');
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('button', { name: 'Reset link for Kim Keys' }).click();
    const link = await page.getByLabel(/Password link for Kim Keys/).inputValue();
    const other = await browser.newContext();
    const kim = await other.newPage();
    await kim.goto(link);
    await kim.getByLabel('New password').fill(TEAM_PASSWORD);
    await kim.getByRole('button', { name: 'Save password' }).click();
    await expect(kim.getByRole('status')).toContainText('Your password is changed');
    // Single use: the same link again is refused.
    await kim.goto(link);
    await kim.getByLabel('New password').fill(TEAM_PASSWORD);
    await kim.getByRole('button', { name: 'Save password' }).click();
    await expect(kim.getByRole('alert')).toContainText(/expired or has already been used/);
    await other.close();
  });

  test('API token: created, its secret shown once with a warning, listed, revoked after a confirmation; both in the audit log', async ({ page }) => {
    const name = `Nightly export ${runTag()}`;
    await signInAs(page, 'admin');
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByLabel('Name').fill(name);
    await page.getByRole('radio', { name: /Write/ }).check();
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = page.getByLabel(`Secret of “${name}”`);
    await expect(secret).toHaveValue(/^sk_/);
    await expect(page.getByText('It will not be shown again')).toBeVisible();
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await expect(secret).toHaveCount(0);
    const row = page.getByRole('listitem').filter({ hasText: name });
    await expect(row).toContainText('never used');
    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    await row.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect(row).toContainText('Revoked');

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Show').selectOption('token.revoked');
    await expect(page.getByRole('list', { name: 'Audit entries, newest first' }).getByRole('listitem').first()).toContainText('Ada Admin revoked an API token');
  });

  test('team switcher: the admin of two teams switches, and the screen shows the other team', async ({ page }) => {
    await signInAs(page, 'admin');
    const team = page.getByLabel('Team');
    await expect(team).toHaveValue(/.+/);
    await team.selectOption({ label: 'Beta labs' });
    await page.getByRole('link', { name: 'Members' }).click();
    await expect(page.getByRole('heading', { name: 'People in Beta labs' })).toBeVisible();
    await team.selectOption({ label: 'Acme support' });
    await expect(page.getByRole('heading', { name: 'People in Acme support' })).toBeVisible();
  });
});
