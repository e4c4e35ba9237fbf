import type { Page, Route } from '@playwright/test';
import { collectorUrl, demoUrl, expect, expectStored, runTag, scoreButton, storedResponses, survey, test } from './fixtures.ts';

/** The response id waiting in this page's outbox. */
const queuedId = (page: Page) =>
  page.evaluate(() => {
    const stored = localStorage.getItem('onepoint:outbox');
    return stored ? ((JSON.parse(stored) as { entries: { payload: { id: string } }[] }).entries[0]?.payload.id ?? null) : null;
  });

const cors = { 'access-control-allow-origin': '*', 'content-type': 'application/json' };

/** Intercepts POST /v1/responses: `answer` decides per attempt; preflights pass through. */
async function interceptPosts(page: Page, answer: (attempt: number, route: Route) => Promise<void>) {
  let attempt = 0;
  const times: number[] = [];
  await page.route(`${collectorUrl()}/v1/responses`, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    times.push(Date.now());
    await answer(++attempt, route);
  });
  return times;
}

test('offline at the click, then online: delivered once, in its final state', async ({ page, context }) => {
  await page.goto(`${demoUrl()}/website.html`);
  await expect(survey(page)).toBeVisible({ timeout: 8000 });
  await context.setOffline(true);
  await scoreButton(page, 8).click();
  await survey(page).getByRole('textbox').fill('Written offline');
  await survey(page).getByRole('button', { name: 'Send' }).click();
  await expect(survey(page).getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  const id = await queuedId(page);
  expect(id).not.toBeNull();
  await page.waitForTimeout(500);
  expect((await storedResponses()).some((row) => row.id === id)).toBe(false);
  await context.setOffline(false);
  const row = await expectStored(id ?? '', (stored) => stored.seq === 2, 20_000);
  expect(row).toMatchObject({ score: 8, comment: 'Written offline', status: 'complete' });
  await expect.poll(() => queuedId(page)).toBeNull();
});

test('500 three times, then 200: retried with backoff and stored', async ({ page, posted }) => {
  const times = await interceptPosts(page, async (attempt, route) => {
    if (attempt <= 3) await route.fulfill({ status: 500, headers: cors, body: '{"error":{"code":"internal","message":"down"}}' });
    else await route.continue();
  });
  await page.goto(`${demoUrl()}/website.html`);
  await scoreButton(page, 9).click({ timeout: 8000 });
  await expect.poll(() => posted.length, { timeout: 15_000 }).toBe(1);
  expect(times.length).toBe(4);
  const gaps = times.slice(1).map((time, index) => time - (times[index] ?? 0));
  expect(gaps.every((gap) => gap >= 200)).toBe(true); // backoff, not a hot loop
  await expectStored(posted[0] ?? '');
  await expect.poll(() => queuedId(page)).toBeNull();
});

test('429 with Retry-After: waits as long as the server asked', async ({ page, posted }) => {
  const times = await interceptPosts(page, async (attempt, route) => {
    if (attempt === 1) await route.fulfill({ status: 429, headers: { ...cors, 'retry-after': '2', 'access-control-expose-headers': 'retry-after' }, body: '{"error":{"code":"rate_limited"}}' });
    else await route.continue();
  });
  await page.goto(`${demoUrl()}/website.html`);
  await scoreButton(page, 6).click({ timeout: 8000 });
  await expect.poll(() => posted.length, { timeout: 15_000 }).toBe(1);
  expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(1900);
  await expectStored(posted[0] ?? '');
});

// The first tab never gets its delivery code (the chunk's request fails), so the picked score lives
// only where the survey stashed it, and nothing in that tab can send it. Going offline instead is not
// tight enough: requests of a tab being closed can outlive the emulation and arrive once the network
// is back (seen twice: once with the beacon, once with beacon and keepalive switched off).
test('tab closed before its delivery code arrived: delivered on the next visit, once', async ({ context }) => {
  const first = await context.newPage();
  await first.route('**/onepoint-ui-delivery-*.js', (route) => route.abort('internetdisconnected'));
  await first.goto(`${demoUrl()}/website.html`);
  await expect(survey(first)).toBeVisible({ timeout: 8000 });
  await scoreButton(first, 10).click();
  const id = await queuedId(first);
  expect(id).not.toBeNull();
  await first.close();
  const next = await context.newPage();
  await next.goto(`${demoUrl()}/index.html`); // a page without the tag delivers nothing
  await next.waitForTimeout(500);
  expect((await storedResponses()).some((row) => row.id === id)).toBe(false);
  await next.goto(`${demoUrl()}/website.html`);
  const row = await expectStored(id ?? '');
  expect(row).toMatchObject({ score: 10, seq: 1, status: 'partial' });
  await expect.poll(() => queuedId(next)).toBeNull();
  await next.waitForTimeout(2500);
  await expect(survey(next)).toHaveCount(0); // answered: not asked again
  expect((await storedResponses()).filter((stored) => stored.id === id)).toHaveLength(1);
});

test('pagehide hands the waiting response off as a text/plain beacon; the next flush does not double it', async ({ page }) => {
  const beacons: string[] = [];
  let acceptJson = false;
  await interceptPosts(page, async (_attempt, route) => {
    const request = route.request();
    if (request.headers()['content-type']?.startsWith('text/plain')) {
      beacons.push((JSON.parse(request.postData() ?? '{}') as { id: string }).id);
      await route.continue();
    } else if (acceptJson) await route.continue();
    else await route.abort('internetdisconnected');
  });
  await page.goto(`${demoUrl()}/website.html`);
  await scoreButton(page, 9).click({ timeout: 8000 });
  const id = await queuedId(page);
  expect(id).not.toBeNull();
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
  const row = await expectStored(id ?? '');
  expect(beacons).toEqual([id]);
  expect(row).toMatchObject({ score: 9, seq: 1, status: 'partial' });
  expect(await queuedId(page)).toBe(id); // a beacon has no answer: the entry stays until a flush is acknowledged
  acceptJson = true;
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect.poll(() => queuedId(page), { timeout: 10_000 }).toBeNull();
  expect((await storedResponses()).filter((stored) => stored.id === id)).toHaveLength(1);
});

test('two tabs: each response stored once, with its final state', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  const run = runTag();
  // Each tab's own acks (one shared outbox flushes for both, so the acks may arrive in either tab).
  const acked = new Set<string>();
  for (const tab of [a, b]) {
    tab.on('response', async (response) => {
      if (response.request().method() === 'POST' && response.url().endsWith('/v1/responses') && response.ok()) acked.add(((await response.json()) as { id: string }).id);
    });
  }
  await Promise.all([a.goto(`${demoUrl()}/website.html`), b.goto(`${demoUrl()}/website.html`)]);
  await expect(survey(a)).toBeVisible({ timeout: 8000 });
  await expect(survey(b)).toBeVisible({ timeout: 8000 });
  await scoreButton(a, 9).click();
  await scoreButton(b, 4).click();
  await survey(a).getByRole('textbox').fill(`From tab A ${run}`);
  await survey(b).getByRole('textbox').fill(`From tab B ${run}`);
  await survey(a).getByRole('button', { name: 'Send' }).click();
  await survey(b).getByRole('button', { name: 'Send' }).click();
  await expect.poll(async () => (await storedResponses()).filter((row) => row.comment === `From tab A ${run}` || row.comment === `From tab B ${run}`).length, { timeout: 15_000 }).toBe(2);
  const rows = (await storedResponses()).filter((row) => row.comment?.endsWith(run));
  expect(rows.map((row) => [row.comment, row.score, row.seq, row.status]).sort()).toEqual([
    [`From tab A ${run}`, 9, 2, 'complete'],
    [`From tab B ${run}`, 4, 2, 'complete'],
  ]);
  expect([...acked].sort()).toEqual(rows.map((row) => row.id).sort());
  await expect.poll(() => queuedId(a)).toBeNull();
});

// SPEC §7: localStorage full (every write throws) or disabled (touching it throws): memory stands in.
const REFUSING_STORAGE = {
  full: () => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  },
  disabled: () => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  },
};

for (const [kind, refuse] of Object.entries(REFUSING_STORAGE)) {
  test(`localStorage ${kind}: the response is still delivered, from memory`, async ({ page, posted }) => {
    await page.addInitScript(refuse);
    await page.goto(`${demoUrl()}/website.html`);
    await scoreButton(page, 6).click({ timeout: 8000 });
    await survey(page).getByRole('textbox').fill(`Kept in memory (${kind})`);
    await survey(page).getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => posted.length, { timeout: 10_000 }).toBe(1);
    await expectStored(posted[0] ?? '', (row) => row.seq === 2 && row.comment === `Kept in memory (${kind})`);
  });
}
