import { demoUrl, expect, expectStored, scoreButton, survey, test } from './fixtures.ts';

const REFERRAL_OR_REVIEW = /ACME-FRIEND|acme\.example\/invite|reviews\.example|Copy|Invite a friend|Write a review|referral/i;

for (const [score, segment, heading] of [
  [10, 'promoter', 'Thank you!'],
  [7, 'passive', 'Thank you!'],
  [3, 'detractor', 'We’re sorry we fell short'],
] as const) {
  test(`website owner: a ${segment} (${score}) answers through the script tag and lands in the collector`, async ({ page, posted, pageErrors }) => {
    await page.goto(`${demoUrl()}/website.html`);
    await expect(survey(page)).toBeVisible({ timeout: 8000 });
    await expect(survey(page).getByRole('radiogroup', { name: 'How likely are you to recommend Acme Shop to a friend or colleague?' })).toBeVisible();
    await scoreButton(page, score).click();
    await survey(page).getByRole('textbox').fill(`Feedback from a ${segment}`);
    await survey(page).getByRole('button', { name: 'Send' }).click();
    await expect(survey(page).getByRole('heading', { level: 2 })).toHaveText(heading);
    const thanks = await survey(page).innerHTML();
    if (segment === 'promoter') await expect(survey(page).getByText('ACME-FRIEND')).toBeVisible();
    else expect(thanks).not.toMatch(REFERRAL_OR_REVIEW);
    await expect.poll(() => posted.length).toBeGreaterThan(0);
    const id = posted[0] ?? '';
    const row = await expectStored(id, (stored) => stored.seq === 2);
    expect(row).toMatchObject({ score, segment, status: 'complete', comment: `Feedback from a ${segment}`, test: false });
    expect(pageErrors).toEqual([]);
  });
}
