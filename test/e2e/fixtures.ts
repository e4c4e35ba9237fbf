import { expect, test as base, type Page } from '@playwright/test';
import { createAdminClient, type ResponseRecord } from '../../sdk/index.ts';

export const demoUrl = () => process.env.E2E_DEMO_URL ?? '';
export const collectorUrl = () => process.env.E2E_COLLECTOR_URL ?? '';

/** A stored response, as the admin API shows it. */
export type StoredResponse = ResponseRecord;

/** What the collector stored (admin API), test responses included. */
export async function storedResponses(): Promise<StoredResponse[]> {
  const admin = createAdminClient({ endpoint: collectorUrl(), token: process.env.E2E_SECRET_KEY ?? '' });
  return (await admin.list({ includeTest: true, limit: 500 })).items;
}

/** Polls the collector until the response `id` is stored in a state that passes `check`. */
export async function expectStored(id: string, check: (row: StoredResponse) => boolean = () => true, timeout = 15_000): Promise<StoredResponse> {
  let last: StoredResponse | undefined;
  await expect
    .poll(
      async () => {
        last = (await storedResponses()).find((row) => row.id === id);
        return last !== undefined && check(last);
      },
      { timeout, message: `response ${id} stored as expected (last seen: ${JSON.stringify(last)})` },
    )
    .toBe(true);
  if (!last) throw new Error('unreachable');
  return last;
}

export { scoreButton, survey } from '../helpers/locators.ts';

/** A short random tag for names that must not meet those of another test, or of a repeat: the suite shares one collector database. */
export const runTag = () => Math.random().toString(36).slice(2, 8);

/**
 * Opens a plain demo page and adds the tag by script, after queueing `init` (test mode, no
 * delay), a listener that keeps `error` events in `window.__errors`, then `commands`. Returns
 * the widget's own console errors as they come.
 */
export async function loadTag(page: Page, commands: unknown[][]): Promise<{ consoleErrors: string[] }> {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    // The widget's own lines (a page's missing favicon is not its business).
    if (message.type() === 'error' && message.text().startsWith('onepoint')) consoleErrors.push(message.text());
  });
  await page.goto(`${demoUrl()}/index.html`);
  await page.evaluate(
    ({ commands, endpoint, siteKey }) => {
      const win = window as unknown as { onepoint: { (...args: unknown[]): void; q?: unknown[][] }; __errors: unknown[] };
      win.__errors = [];
      win.onepoint = (...args: unknown[]) => (win.onepoint.q ??= []).push(args);
      win.onepoint('init', { endpoint, siteKey, delay: 0, test: true });
      win.onepoint('on', 'error', (payload: unknown) => win.__errors.push(payload));
      for (const command of commands) win.onepoint(...command);
      const script = document.createElement('script');
      script.src = '/dist/onepoint.js';
      document.head.append(script);
    },
    { commands, endpoint: collectorUrl(), siteKey: process.env.E2E_SITE_KEY ?? '' },
  );
  return { consoleErrors };
}

/** Collects response ids as the page posts them, and CSP violations and page errors as they happen. */
export const test = base.extend<{ posted: string[]; violations: string[]; pageErrors: string[] }>({
  posted: async ({ page }, use) => {
    // From the collector's acks: ky may send the body as a stream, which the request event cannot show.
    // Chromium drops a response's body once its page navigates: wait for an ack before navigating.
    const ids: string[] = [];
    page.on('response', async (response) => {
      if (response.request().method() !== 'POST' || !response.url().endsWith('/v1/responses') || response.status() !== 200) return;
      const id = ((await response.json().catch(() => ({}))) as { id?: string }).id;
      if (id && !ids.includes(id)) ids.push(id);
    });
    await use(ids);
  },
  violations: async ({ page }, use) => {
    const violations: string[] = [];
    await page.exposeFunction('__reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { __reportViolation(text: string): void }).__reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await use(violations);
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
});

export { expect };
