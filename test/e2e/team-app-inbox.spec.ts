import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { collectorUrl, demoUrl, runTag } from './fixtures.ts';
import { appUrl, axe, heading, overflowX, signInAs } from './team-app.ts';

// The inbox and one response in Chromium against the real collector, over responses seeded for
// this run only (a tag in their comments: the suite shares one database).
const TAG = `inbox${runTag()}`;
const seeded = { passive: randomUUID(), detractor: randomUUID(), overdue: randomUUID(), other: randomUUID(), promoter: randomUUID() };

async function post(id: string, score: number, comment: string) {
  const answer = await fetch(`${collectorUrl()}/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(demoUrl()).origin },
    body: JSON.stringify({ id, siteKey: process.env.E2E_SITE_KEY, surveyId: 'nps', seq: 1, score, status: 'complete', comment, anonymousId: `visitor-${id}`, context: { url: 'https://shop.example/pricing', locale: 'fr', createdAt: new Date().toISOString() } }),
  });
  expect(answer.status).toBe(200);
}

test.beforeAll(async () => {
  await post(seeded.promoter, 10, `${TAG} love it`);
  await post(seeded.overdue, 1, `${TAG} waited too long`);
  await post(seeded.other, 8, `${TAG} fine`);
  await post(seeded.detractor, 2, `${TAG} far too slow`);
  await post(seeded.passive, 7, `${TAG} good école, could be better`);
  // Overdue: due yesterday, still new.
  const due = await fetch(`${collectorUrl()}/v1/responses/${seeded.overdue}/follow-up`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.E2E_SECRET_KEY}` },
    body: JSON.stringify({ dueAt: new Date(Date.now() - 86_400_000).toISOString() }),
  });
  expect(due.status).toBe(200);
});

const row = (page: Page, id: string) => page.locator(`table tr[data-id="${id}"]`);
const tagged = (query = '') => appUrl(`/inbox?q=${TAG}${query}`);

test('filter to passives, open one, assign to me, a note, contacted: all in its timeline', async ({ page }) => {
  await signInAs(page, 'inbox');
  await page.goto(tagged());
  await expect(row(page, seeded.detractor)).toBeVisible();
  await page.getByLabel('Segment').selectOption('passive');
  await expect(row(page, seeded.detractor)).toHaveCount(0);
  await expect(page).toHaveURL(/segment=passive/);
  await row(page, seeded.passive).getByRole('link').click();
  await expect(heading(page, /Response from/)).toBeVisible();
  await expect(page.getByText('good école, could be better')).toBeVisible();
  await page.getByRole('button', { name: 'Assign to me' }).click();
  await expect(page.getByLabel('Owner')).toHaveValue(/.+/);
  await page.getByLabel('Note').fill('Called, will try the new plan');
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.getByLabel('Status').selectOption('contacted');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText('Owner nobody → Ivy Inbox');
  await expect(timeline).toContainText('Note: Called, will try the new plan');
  await expect(timeline).toContainText('Status New → Contacted');
  // The passive playbook beside it: no referral or review step, and a tick goes in the timeline.
  const playbook = page.getByRole('complementary', { name: 'Playbook' });
  await expect(playbook).not.toContainText(/referral|review/i);
  await playbook.getByLabel('Ask what would make it a 9').click();
  await expect(playbook.getByLabel('Ask what would make it a 9')).toBeChecked();
  await expect(timeline).toContainText('Done: Ask what would make it a 9');
  // Back to the same filtered list.
  await page.getByRole('link', { name: '← Back to the inbox' }).click();
  await expect(page).toHaveURL(/segment=passive/);
  await expect(row(page, seeded.passive)).toContainText('Contacted');
});

test('a detractor contacted leaves "Detractors to contact" and shows in "Mine"; overdue shows in "Overdue"', async ({ page }) => {
  await signInAs(page, 'inbox');
  await page.goto(appUrl('/inbox'));
  await page.getByRole('button', { name: /^Detractors to contact/ }).click();
  await expect(row(page, seeded.detractor)).toBeVisible();
  await row(page, seeded.detractor).getByRole('link').click();
  await page.getByRole('button', { name: 'Assign to me' }).click();
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Owner nobody → Ivy Inbox');
  await page.getByLabel('Status').selectOption('contacted');
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Status New → Contacted');
  await page.getByRole('link', { name: '← Back to the inbox' }).click();
  await expect(page.getByRole('button', { name: /^Detractors to contact/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('table tbody tr').first()).toBeVisible();
  await expect(row(page, seeded.detractor)).toHaveCount(0);
  await page.getByRole('button', { name: /^Mine/ }).click();
  await expect(row(page, seeded.detractor)).toBeVisible();
  await page.getByRole('button', { name: /^Overdue/ }).click();
  await expect(row(page, seeded.overdue)).toBeVisible();
  await expect(row(page, seeded.overdue).getByText('overdue')).toBeVisible();
  await expect(row(page, seeded.other)).toHaveCount(0);
});

test('an admin edits a playbook; only the promoters’ may ask for a referral or review', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto(appUrl(`/response?id=${seeded.passive}`));
  const playbook = page.getByRole('complementary', { name: 'Playbook' });
  await playbook.getByRole('button', { name: 'Edit this playbook' }).click();
  await expect(playbook.getByRole('form', { name: 'Edit the playbook for passives' })).toBeVisible();
  await expect(playbook.getByLabel('Asks for a referral or review')).toHaveCount(0);
  await playbook.getByRole('button', { name: 'Cancel' }).click();

  await page.goto(appUrl(`/response?id=${seeded.promoter}`));
  await expect(playbook.getByLabel('Ask for a referral or a review')).toBeVisible();
  await playbook.getByRole('button', { name: 'Edit this playbook' }).click();
  await expect(playbook.getByLabel('Asks for a referral or review').first()).toBeVisible();
  const step = `Send a card ${TAG}`;
  await playbook.getByLabel('New step').fill(step);
  await playbook.getByRole('button', { name: 'Add step' }).click();
  // The new step is the last; moved up by keyboard, the focus follows it to its new place.
  const count = await playbook.locator('.steps > li').count();
  await playbook.getByRole('button', { name: `Move step ${count} up` }).focus();
  await page.keyboard.press('Enter');
  await expect(playbook.getByRole('button', { name: `Move step ${count - 1} up` })).toBeFocused();
  await expect(playbook.getByLabel(`Step ${count - 1}`, { exact: true })).toHaveValue(step);
  expect(await axe(page)).toEqual([]);
  await playbook.getByRole('button', { name: 'Save playbook' }).click();
  await expect(playbook.getByLabel(step)).toBeVisible();
  await page.reload();
  await expect(playbook.getByLabel(step)).toBeVisible();
  const ticks = await playbook.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).labels?.[0]?.textContent?.trim()));
  expect(ticks.indexOf(step)).toBe(count - 2);
  expect(await axe(page)).toEqual([]);
});

test('a viewer reads a response and sees no change controls', async ({ page }) => {
  await signInAs(page, 'viewer');
  await page.goto(appUrl(`/response?id=${seeded.overdue}`));
  await expect(page.getByText('waited too long')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Follow-up' })).toBeVisible();
  await expect(page.getByLabel('Owner')).toHaveCount(0);
  await expect(page.getByLabel('Status')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add note' })).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Playbook' }).getByRole('checkbox').first()).toBeDisabled();
  await page.goto(appUrl('/inbox'));
  await expect(page.getByRole('button', { name: 'Save view' })).toHaveCount(0);
});

test('text search finds "école" with "ECOLE", and filters survive a reload', async ({ page }) => {
  await signInAs(page, 'inbox');
  await page.goto(appUrl('/inbox'));
  await page.getByLabel('Search comments and answers').fill(`ECOLE ${TAG.toUpperCase()}`);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(row(page, seeded.passive)).toBeVisible();
  await expect(page.locator('table tbody tr')).toHaveCount(1);
  // The rarer filters wait under "More filters"; one of them on, it opens by itself on a reload.
  await page.getByText('More filters', { exact: true }).click();
  await page.getByLabel('Score from').selectOption('7');
  await expect(page).toHaveURL(/scoreMin=7/);
  await page.reload();
  await expect(page.getByText('More filters (1 on)')).toBeVisible();
  await expect(page.getByLabel('Score from')).toHaveValue('7');
  await expect(page.getByLabel('Search comments and answers')).toHaveValue(`ECOLE ${TAG.toUpperCase()}`);
  await expect(row(page, seeded.passive)).toBeVisible();
  await expect(page.locator('table tbody tr')).toHaveCount(1);
  // The CSV export of the same filters, with the signed-in session.
  const href = await page.getByRole('link', { name: 'Export these as CSV' }).getAttribute('href');
  expect(href).toMatch(/\/v1\/responses\.csv\?.*scoreMin=7/);
  const csv = await page.request.get(href ?? '');
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain(seeded.passive);
  expect(text).not.toContain(seeded.detractor);
});

test('keyboard only: / searches, j/k move, Enter opens, a assigns, s status, n note, Esc back', async ({ page }) => {
  await signInAs(page, 'inbox');
  await page.goto(appUrl('/inbox?sort=score'));
  await expect(page.locator('table tbody tr').first()).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search comments and answers')).toBeFocused();
  await page.keyboard.type(TAG);
  await page.keyboard.press('Enter');
  await expect(page.locator('table tbody tr')).toHaveCount(5);
  await page.keyboard.press('Escape');
  // Lowest score first: the overdue 1, the detractor 2, the passive 7, the other 8 (which no other test changes), the promoter 10.
  for (const key of ['j', 'j', 'k', 'j', 'j']) await page.keyboard.press(key);
  await expect(row(page, seeded.other).getByRole('link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${TAG} fine`)).toBeVisible();
  await page.keyboard.press('a');
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Owner nobody → Ivy Inbox');
  await page.keyboard.press('s');
  await expect(page.getByLabel('Status')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await expect(page.getByLabel('Note')).toBeFocused();
  await page.keyboard.type('Left a voicemail');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Note: Left a voicemail');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(heading(page, 'Inbox')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`q=${TAG}`));
  await expect(page).toHaveURL(/sort=score/);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds nothing on the inbox and a response, ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await signInAs(page, 'inbox');
    await page.goto(tagged());
    await expect(row(page, seeded.passive)).toBeVisible();
    expect(await axe(page)).toEqual([]);
    await page.goto(appUrl(`/response?id=${seeded.passive}`));
    await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });
}

test('a saved view: the current filters saved, renamed by keyboard, opened, deleted', async ({ page }) => {
  await signInAs(page, 'inbox');
  await page.goto(tagged('&segment=detractor'));
  await expect(row(page, seeded.detractor)).toBeVisible();
  const name = `Angry ${TAG}`;
  await page.getByLabel('Save these filters as').fill(name);
  await page.getByRole('button', { name: 'Save view' }).click();
  const views = page.getByRole('navigation', { name: 'Saved views' });
  await expect(views.getByRole('button', { name: new RegExp(`^${name} 2$`) })).toHaveAttribute('aria-pressed', 'true');
  await views.getByRole('button', { name: `Rename the view ${name}` }).focus();
  await page.keyboard.press('Enter');
  const field = page.getByLabel(`New name for ${name}`);
  await expect(field).toBeFocused();
  expect(await axe(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(views.getByRole('button', { name: `Rename the view ${name}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type(`Detractors ${TAG}`); // the field opens with its name selected: typing replaces it
  await page.keyboard.press('Enter');
  await expect(views.getByRole('button', { name: `Rename the view Detractors ${TAG}` })).toBeFocused();
  await page.goto(appUrl('/inbox'));
  await views.getByRole('button', { name: new RegExp(`^Detractors ${TAG}`) }).click();
  await expect(page).toHaveURL(/segment=detractor/);
  await expect(row(page, seeded.detractor)).toBeVisible();
  await views.getByRole('button', { name: `Delete the view Detractors ${TAG}` }).click();
  await expect(views.getByRole('button', { name: new RegExp(`^Detractors ${TAG}`) })).toHaveCount(0);
});

test('the page preloads who is signed in and the first page, and the app uses each once', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (message) => void (message.type() === 'warning' && warnings.push(message.text())));
  await signInAs(page, 'inbox');
  await page.goto(appUrl('/inbox?segment=passive'));
  await expect(page.getByRole('link', { name: /^Open the passive response/ }).first()).toBeVisible();
  const asked = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
  expect(asked.filter((path) => path === '/v1/me')).toHaveLength(1);
  expect(asked.filter((path) => path === '/v1/responses')).toHaveLength(1);
  // Chromium warns of a preload the page did not use a few seconds after the load.
  await page.waitForTimeout(3500);
  expect(warnings.filter((text) => /preload/i.test(text))).toEqual([]);
});

test('360 px: cards, and no horizontal scroll on the inbox or a response', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAs(page, 'inbox');
  await page.goto(tagged());
  await expect(page.locator(`.response-card[data-id="${seeded.passive}"]`)).toBeVisible();
  // Only the layout that shows is rendered; turning the phone sideways brings the table instead.
  await expect(page.locator('main table')).toHaveCount(0);
  expect(await overflowX(page)).toBe(0);
  // The filters fold away on a phone, open while one is on (this search); "/" unfolds them and goes to the search.
  await expect(page.getByText('Filters (1 on)')).toBeVisible();
  await page.goto(appUrl('/inbox'));
  await expect(page.getByText('Filters', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Segment')).toBeHidden();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search comments and answers')).toBeFocused();
  await expect(page.getByLabel('Segment')).toBeVisible();
  expect(await overflowX(page)).toBe(0);
  await page.setViewportSize({ width: 740, height: 360 });
  await expect(page.locator(`main tr[data-id="${seeded.passive}"]`)).toBeVisible();
  await expect(page.locator('main .response-card')).toHaveCount(0);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(appUrl(`/response?id=${seeded.passive}`));
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  expect(await overflowX(page)).toBe(0);
  expect(await axe(page)).toEqual([]);
});
