// The team's app (SPEC §9, §10): served by the collector at `/` and its screens' paths, it talks to
// the collector only through the SDK's admin client, signed in by the session cookie.
import '../sdk/schemas/csp-safe.ts';
import './styles.css';
import { signal } from '@preact/signals-core';
import { h, render } from 'preact';
import { createAdminClient } from '../sdk/admin-client.ts';
import { browserHistory, copyText, watchingFetch } from './browser.ts';
import { firstInboxPage } from './models/first-page.ts';
import { createRouter } from './models/router.ts';
import { createSession } from './models/session.ts';
import { App } from './views/app.tsx';
import { Context, type AppContext } from './views/context.ts';

// A 401 to any other call: ask /v1/me whether the session is still there (it shows sign-in if not).
const client = createAdminClient({ endpoint: window.location.origin, fetch: watchingFetch(() => void session.load()) });
const session = createSession({ client });
const router = createRouter(browserHistory);
// The inbox's first page is asked for now, beside /v1/me, by a client that leaves a 401 alone
// (before signing in it is expected, and the inbox then asks again).
const firstPage = firstInboxPage(createAdminClient({ endpoint: window.location.origin }), router.route.value);
const context: AppContext = { client, session, router, platform: { copyText, now: Date.now }, signInEmail: signal(''), firstPage };

const root = document.getElementById('app');
if (!root) throw new Error('the app’s page has no #app');
render(h(Context.Provider, { value: context }, h(App, {})), root);
// The answer to /v1/me is read once the inbox's first page has come as well (both are on their way:
// /v1/me since the page's preload), so the inbox shows with its list in one go rather than empty
// first; a list slower than half a second does not hold the rest of the app back.
void Promise.race([firstPage.settled, new Promise((resolve) => setTimeout(resolve, 500))]).then(() => session.load());
