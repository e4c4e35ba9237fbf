import { demoUrl, expect, expectStored, runTag, scoreButton, survey, test } from './fixtures.ts';

/** A user id of this run: the collector remembers users, and the suite may run again on the same database (--repeat-each). */
const userOfThisRun = (name: string) => `u-${name}-${runTag()}`;

for (const [score, segment, heading] of [
  [9, 'promoter', 'Thank you!'],
  [8, 'passive', 'Thank you!'],
  [1, 'detractor', 'We’re sorry we fell short'],
] as const) {
  test(`SaaS: nothing by itself; "Export report" shows it, focused; a ${segment} (${score}) is stored with the user`, async ({ page, posted }) => {
    const user = userOfThisRun(segment);
    await page.goto(`${demoUrl()}/saas.html?user=${user}`);
    await page.waitForTimeout(2500);
    await expect(survey(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Export report' }).click();
    await expect(survey(page)).toBeVisible();
    await expect(scoreButton(page, 0)).toBeFocused();
    await scoreButton(page, score).click();
    await survey(page).getByRole('button', { name: 'Skip' }).click();
    await expect(survey(page).getByRole('heading', { name: heading })).toBeVisible();
    if (segment !== 'promoter') expect(await survey(page).innerHTML()).not.toMatch(/referral|Copy|review/i);
    if (segment === 'detractor') {
      // Identified: the email is pre-filled for the consent to be contacted.
      await survey(page).getByRole('checkbox', { name: 'You may contact me about my feedback' }).check();
      await expect(survey(page).getByLabel('Email')).toHaveValue('ada@example.com');
      await survey(page).getByRole('button', { name: 'Send' }).click();
    }
    await expect(page.getByRole('log')).toContainText('submitted');
    await expect.poll(() => posted.length).toBe(1);
    const row = await expectStored(posted[0] ?? '', (stored) => stored.status === 'complete' && (segment !== 'detractor' || stored.contactConsent));
    expect(row).toMatchObject({ score, segment, user: { id: user } });
  });
}

test('SaaS: the collector remembers the user across devices, and logout forgets the identity', async ({ browser }) => {
  const user = userOfThisRun('two-devices');
  // Device A answers.
  const deviceA = await browser.newContext();
  const a = await deviceA.newPage();
  await a.goto(`${demoUrl()}/saas.html?user=${user}`);
  await a.getByRole('button', { name: 'Export report' }).click();
  await scoreButton(a, 8).click();
  await expect(survey(a).getByRole('textbox')).toBeVisible();
  await a.waitForTimeout(500);
  await deviceA.close();
  // Device B, same user, fresh browser: the collector says no.
  const deviceB = await browser.newContext();
  const b = await deviceB.newPage();
  await b.goto(`${demoUrl()}/saas.html?user=${user}`);
  await b.getByRole('button', { name: 'Export report' }).click();
  await b.waitForTimeout(1500);
  await expect(survey(b)).toHaveCount(0);
  // Logged out, the same browser is an anonymous visitor again, with its own (empty) memory.
  await b.getByRole('button', { name: 'Log out' }).click();
  await b.getByRole('button', { name: 'Export report' }).click();
  await expect(survey(b)).toBeVisible();
  await deviceB.close();
});

test('SaaS: a dismissal on one device holds on the user’s other devices', async ({ browser }) => {
  const user = userOfThisRun('dismisser');
  const deviceA = await browser.newContext();
  const a = await deviceA.newPage();
  const dismissed = a.waitForResponse((response) => response.url().endsWith('/v1/dismissals') && response.status() === 204);
  await a.goto(`${demoUrl()}/saas.html?user=${user}`);
  await a.getByRole('button', { name: 'Export report' }).click();
  await survey(a).getByRole('button', { name: 'Close survey' }).click();
  await dismissed;
  await deviceA.close();
  const deviceB = await browser.newContext();
  const b = await deviceB.newPage();
  await b.goto(`${demoUrl()}/saas.html?user=${user}`);
  await b.getByRole('button', { name: 'Export report' }).click();
  await b.waitForTimeout(1500);
  await expect(survey(b)).toHaveCount(0);
  await deviceB.close();
});

for (const [score, segment] of [
  [9, 'promoter'],
  [8, 'passive'],
  [2, 'detractor'],
] as const) {
  test(`developer: an email link records ${score} through the SDK, then the follow-up (${segment})`, async ({ page, posted }) => {
    await page.goto(`${demoUrl()}/custom.html`);
    await page.getByRole('link', { name: String(score), exact: true }).click();
    await expect(page.getByRole('status').first()).toHaveText(`Recorded your ${score} (${segment}).`);
    await page.getByLabel('What would move you one point higher?').fill('Dark mode');
    await page.getByRole('button', { name: 'Send' }).first().click();
    await expect(page.getByText(`Thank you — saved as ${segment} feedback.`)).toBeVisible();
    await expect.poll(() => posted.length).toBe(1);
    const row = await expectStored(posted[0] ?? '', (stored) => stored.seq === 2);
    expect(row).toMatchObject({ surveyId: 'nps-email', score, segment, status: 'complete', comment: 'Dark mode' });
  });
}

test('developer: the inline mountSurvey embed, with the thank-you of its segment', async ({ page, posted }) => {
  await page.goto(`${demoUrl()}/custom.html`);
  const inline = page.locator('#inline');
  await inline.getByRole('radio', { name: /^6$/ }).click();
  await inline.getByRole('button', { name: 'Skip' }).click();
  await expect(inline.getByRole('heading', { name: 'We’re sorry we fell short' })).toBeVisible();
  expect(await inline.innerHTML()).not.toMatch(/ACME-FRIEND|Copy/);
  await expect.poll(() => posted.length).toBe(1);
  expect(await expectStored(posted[0] ?? '', (stored) => stored.status === 'complete')).toMatchObject({ surveyId: 'nps-inline', segment: 'detractor' });
});
