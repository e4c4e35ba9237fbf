import { randomUUID } from 'node:crypto';
import { collectorUrl, expect, runTag, test } from './fixtures.ts';
import { appUrl, heading, signInAs } from './team-app.ts';

/** A response as the widget sends it, for a site key, from a page at `origin`. */
const postFrom = (origin: string, siteKey: string) =>
  fetch(`${collectorUrl()}/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ id: randomUUID(), siteKey, surveyId: 'nps', seq: 1, score: 9, status: 'partial', anonymousId: `anon-${randomUUID()}`, context: { url: `${origin}/`, locale: 'en', createdAt: new Date().toISOString(), test: true } }),
  });

// Settings end to end against the real collector: an admin adds a site and changes its origins, and
// the collector takes (and refuses) responses accordingly at once; a viewer only reads.
test.describe('team app: settings', () => {
  test('an admin sets a site’s retention from Settings; it is what the collector keeps, and says so after a reload', async ({ page }) => {
    await signInAs(page, 'admin');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: /^Retention of / }).first();
    await expect(form).toBeVisible();
    await form.getByLabel('Keep responses for (days; empty: for ever)').fill('400');
    await form.getByLabel('Then').selectOption('delete');
    await form.getByRole('button', { name: 'Save retention' }).click();
    await expect(form.getByText('Retention saved.')).toBeVisible();
    await expect(form.getByText('Responses older than 400 days are deleted, every day.')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('form', { name: /^Retention of / }).first().getByText('Responses older than 400 days are deleted, every day.')).toBeVisible();
    // Back to keeping everything, so that no other spec's responses are swept.
    const again = page.getByRole('form', { name: /^Retention of / }).first();
    await again.getByLabel('Keep responses for (days; empty: for ever)').fill('');
    await again.getByRole('button', { name: 'Save retention' }).click();
    await expect(again.getByText('Responses are kept until someone erases them.')).toBeVisible();
  });

  test('an admin adds a site: a bad origin named, then its keys and script tag; the site takes responses from its origin, and from a new one once edited', async ({ page }) => {
    const tag = runTag();
    const first = `https://blog-${tag}.example`;
    const second = `https://www.blog-${tag}.example`;
    await signInAs(page, 'admin');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
    await expect(heading(page, 'Settings')).toBeVisible();
    await expect(page).toHaveURL(/\/settings$/);
    const newSite = page.getByRole('region', { name: 'New site' });
    await newSite.getByLabel('Site name').fill(`Blog ${tag}`);
    await newSite.getByLabel('Allowed origins').fill(`${first}/posts`);
    await newSite.getByRole('button', { name: 'Create site' }).click();
    await expect(newSite.getByText(`did you mean ${first}?`)).toBeVisible();
    await newSite.getByLabel('Allowed origins').fill(first);
    await newSite.getByRole('button', { name: 'Create site' }).click();
    const keys = page.getByRole('region', { name: `Keys of Blog ${tag}` });
    await expect(keys).toContainText('Copy the secret key now');
    const publicKey = await keys.getByLabel('Public key (data-site-key)').inputValue();
    expect(publicKey).toMatch(/^pk_/);
    expect(await keys.getByLabel('Secret key (admin API, this site only)').inputValue()).toMatch(/^sk_/);
    expect(await keys.getByLabel('Script tag').inputValue()).toBe(`<script async src="https://YOUR-CDN/onepoint.js" data-endpoint="${collectorUrl()}" data-site-key="${publicKey}"></script>`);
    expect((await postFrom(first, publicKey)).status).toBe(200);
    await keys.getByRole('button', { name: 'I have copied it' }).click();
    await expect(keys).toBeHidden();

    // The secret is gone for good; the public key and tag stay, listed with the site.
    await page.reload();
    await expect(page.getByLabel(`Script tag for Blog ${tag}`)).toHaveValue(new RegExp(`data-site-key="${publicKey}"`));
    await expect(page.getByText(/^sk_/)).toHaveCount(0);
    await page.getByRole('button', { name: `Edit Blog ${tag}` }).click();
    const edit = page.getByRole('form', { name: `Edit Blog ${tag}` });
    await edit.getByLabel('Allowed origins').fill(second);
    await edit.getByRole('button', { name: 'Save site' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved: pages of these origins' })).toBeVisible();
    expect((await postFrom(first, publicKey)).status).toBe(403);
    expect((await postFrom(second, publicKey)).status).toBe(200);

    await page.getByRole('main').getByRole('link', { name: 'Audit log' }).click();
    const entries = page.getByRole('list', { name: 'Audit entries, newest first' });
    await expect(entries.getByText('changed a site’s name or origins').first()).toBeVisible();
    await expect(entries.getByText('created a site').first()).toBeVisible();
  });

  test('the team’s SLA: an out-of-range value is named; a saved one is said, and put back', async ({ page }) => {
    await signInAs(page, 'admin');
    await page.goto(appUrl('/settings'));
    const sla = page.getByLabel('Follow-up time (days)');
    await expect(sla).toHaveValue(/^\d+$/);
    const before = await sla.inputValue();
    await sla.fill('120');
    await page.getByRole('button', { name: 'Save team' }).click();
    await expect(page.getByText('Use 1 to 90 days.')).toBeVisible();
    await sla.fill('9');
    await page.getByRole('button', { name: 'Save team' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'New responses are due 9 days after they arrive.' })).toBeVisible();
    await sla.fill(before);
    await page.getByRole('button', { name: 'Save team' }).click();
    await expect(page.getByRole('status').filter({ hasText: `due ${before} days` })).toBeVisible();
  });

  test('keyboard only: a site made with Tab and Enter; Edit moves the focus into its form, Esc back to Edit', async ({ page }) => {
    const name = `Docs ${runTag()}`;
    await signInAs(page, 'admin');
    await page.goto(appUrl('/settings'));
    await page.getByLabel('Site name').focus();
    await page.keyboard.type(name);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('region', { name: 'New site' }).getByLabel('Allowed origins')).toBeFocused();
    await page.keyboard.type(`https://${name.replace(' ', '-').toLowerCase()}.example`);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Create site' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: `Keys of ${name}` })).toBeVisible();
    const edit = page.getByRole('button', { name: `Edit ${name}` });
    await edit.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('form', { name: `Edit ${name}` }).getByLabel('Name')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('form', { name: `Edit ${name}` })).toBeHidden();
    await expect(edit).toBeFocused();
  });

  test('a viewer reads the team, the sites and their script tags, and sees no edit controls', async ({ page }) => {
    await signInAs(page, 'viewer');
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(heading(page, 'Settings')).toBeVisible();
    await expect(page.getByText('Only the team’s admins change these settings.')).toBeVisible();
    await expect(page.getByLabel(/^Script tag for /).first()).toHaveValue(/data-site-key="pk_/);
    await expect(page.getByRole('button', { name: /^Edit / })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Create site' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Save team' })).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('link', { name: 'Members' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'API tokens' })).toHaveCount(0);
  });
});
