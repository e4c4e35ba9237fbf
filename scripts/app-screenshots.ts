// The team app's screenshots for the README (npm run screenshots): the inbox, one response and the
// dashboard — or Settings, while the app has no dashboard — in light, dark and on a 360 px phone,
// signed in as the seeded admin over a dozen responses with follow-ups under way.
import type { Browser, Page } from '@playwright/test';
import type { DemoStack } from '../test/helpers/demo-stack.ts';
import { SEEDED, seedTeam, TEAM_PASSWORD } from '../test/e2e/team-seed.ts';

/** Answers as people write them: a score, maybe a comment, drivers, who they are. */
const ANSWERS: { score: number; comment?: string; drivers?: string[]; user?: { id: string; name?: string; email?: string }; consent?: boolean; hoursAgo: number }[] = [
  { score: 2, comment: 'The export to CSV times out for our account. We need it for month-end.', drivers: ['reliability'], user: { id: 'u-101', name: 'Priya Nair', email: 'priya@northwind.example' }, consent: true, hoursAgo: 1 },
  { score: 10, comment: 'Setup took five minutes and the team loves the inbox.', drivers: ['ease'], user: { id: 'u-102', name: 'Jonas Berg' }, hoursAgo: 3 },
  { score: 7, comment: 'Good, but I miss a dark mode on the dashboard.', drivers: ['features'], hoursAgo: 5 },
  { score: 9, user: { id: 'u-104', email: 'li.wei@contoso.example' }, hoursAgo: 8 },
  { score: 4, comment: 'Support answered after three days. Too slow for a paid plan.', drivers: ['support'], user: { id: 'u-105', name: 'Sam Okafor', email: 'sam@fabrikam.example' }, consent: true, hoursAgo: 20 },
  { score: 8, comment: 'Does what it says. Pricing page could be clearer.', drivers: ['price'], hoursAgo: 26 },
  { score: 10, comment: 'We switched from a big suite and never looked back.', user: { id: 'u-107', name: 'Ana Souza' }, hoursAgo: 30 },
  { score: 6, comment: 'The mobile view is cramped.', drivers: ['ease'], hoursAgo: 44 },
  { score: 9, comment: 'Fast, light, and our customers actually answer it.', drivers: ['speed'], hoursAgo: 50 },
  { score: 3, comment: 'Could not find how to invite my colleague.', drivers: ['ease'], user: { id: 'u-110', name: 'Mia Klein', email: 'mia@tailspin.example' }, consent: true, hoursAgo: 70 },
  { score: 7, hoursAgo: 80 },
  { score: 10, comment: 'Best NPS tool we have tried.', drivers: ['features', 'ease'], hoursAgo: 95 },
];

async function seedResponses(stack: DemoStack): Promise<string[]> {
  const origin = new URL(stack.demoUrl).origin;
  const ids: string[] = [];
  // Oldest first: the inbox lists by arrival, newest on top.
  for (const [index, answer] of [...ANSWERS.entries()].reverse()) {
    const id = crypto.randomUUID();
    const body = {
      id,
      siteKey: stack.siteKey,
      surveyId: 'nps',
      seq: 1,
      score: answer.score,
      status: 'complete',
      anonymousId: `anon-${id.slice(0, 8)}`,
      ...(answer.comment ? { comment: answer.comment } : {}),
      ...(answer.drivers ? { drivers: answer.drivers } : {}),
      ...(answer.user ? { user: answer.user } : {}),
      ...(answer.consent ? { contactConsent: true } : {}),
      context: { url: `${origin}/pricing`, locale: 'en', createdAt: new Date(Date.now() - answer.hoursAgo * 3_600_000).toISOString() },
    };
    const sent = await fetch(`${stack.collector.url}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(body) });
    if (!sent.ok) throw new Error(`could not store a response: ${sent.status} ${await sent.text()}`);
    ids[index] = id;
  }
  // Follow-ups under way, as a team would have them: contacted with a note, resolved, not needed.
  const followUps: [number, Record<string, unknown>][] = [
    [0, { status: 'contacted', owner: 'Ada Admin', note: 'Called Priya: the export job is being split into pages. Back to her on Friday.' }],
    [4, { status: 'resolved', owner: 'Kim Keys', note: 'Apologised and moved them to priority support.' }],
    [7, { status: 'not_needed' }],
  ];
  for (const [index, change] of followUps) {
    const changed = await fetch(`${stack.collector.url}/v1/responses/${ids[index]}/follow-up`, { method: 'PATCH', headers: { authorization: `Bearer ${stack.secretKey}`, 'content-type': 'application/json' }, body: JSON.stringify(change) });
    if (!changed.ok) throw new Error(`could not change a follow-up: ${changed.status} ${await changed.text()}`);
  }
  return ids;
}

async function signedIn(browser: Browser, stack: DemoStack, view: { theme: 'light' | 'dark'; width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: view.width, height: view.height }, colorScheme: view.theme, reducedMotion: 'reduce', deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(`${stack.collector.url}/sign-in`);
  await page.getByLabel('Email').fill(SEEDED.admin.email);
  await page.getByLabel('Password').fill(TEAM_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  return page;
}

/** The screens to photograph, each opened from a signed-in inbox; `open` answers false when this build of the app has no such screen. */
const SCREENS: { name: string; open(page: Page): Promise<boolean> }[] = [
  { name: 'inbox', open: async (page) => (await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor(), true) },
  {
    name: 'response',
    async open(page) {
      const link = page.getByRole('link', { name: /^Open the .* response/ }).first();
      // The list arrives after the heading: wait for its first row before deciding there is none.
      await link.waitFor({ timeout: 15_000 }).catch(() => undefined);
      if (!(await link.count())) return false;
      await link.click();
      await page.getByRole('heading', { level: 1, name: /^Response from / }).waitFor();
      return true;
    },
  },
  {
    name: 'dashboard',
    async open(page) {
      const link = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Dashboard' });
      if (!(await link.count())) return false;
      await link.click();
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      return true;
    },
  },
];
const SETTINGS = {
  name: 'settings',
  async open(page: Page) {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByLabel(/^Script tag for /).first().waitFor();
    return true;
  },
};
const VIEWS = [
  { label: 'light', theme: 'light', width: 1280, height: 860 },
  { label: 'dark', theme: 'dark', width: 1280, height: 860 },
  { label: 'phone', theme: 'light', width: 360, height: 780 },
] as const;

/**
 * Seeds the demo stack's team (people, responses, follow-ups) and writes `app-<screen>-<view>.png`
 * into `out`; answers the screens taken (Settings stands in for a dashboard the app does not have).
 */
export async function shootTeamApp(browser: Browser, stack: DemoStack, out: string): Promise<string[]> {
  await seedTeam(stack.collector, stack.siteKey);
  await seedResponses(stack);
  const taken: string[] = [];
  let hasDashboard = true;
  for (const view of VIEWS) {
    for (const screen of [...SCREENS, SETTINGS]) {
      if (screen === SETTINGS && hasDashboard) continue;
      const page = await signedIn(browser, stack, view);
      await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
      const opened = await screen.open(page);
      if (!opened) {
        // Settings (after it in this loop) is taken instead of a dashboard the app does not have.
        if (screen.name === 'dashboard') hasDashboard = false;
        console.log(`(no ${screen.name} screen in this build of the app)`);
        await page.context().close();
        continue;
      }
      // Fonts and the last answers settle; the focus ring of the heading is not part of the picture.
      await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
      await page.waitForTimeout(200);
      const path = `${out}/app-${screen.name}-${view.label}.png`;
      await page.screenshot({ path, fullPage: view.label === 'phone' ? false : true });
      console.log(path);
      taken.push(path);
      await page.context().close();
    }
  }
  return taken;
}
