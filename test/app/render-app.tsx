import { signal } from '@preact/signals-core';
import { render } from '@testing-library/preact';
import { createRouter } from '../../app/models/router.ts';
import { createSession } from '../../app/models/session.ts';
import { App } from '../../app/views/app.tsx';
import { Context, type AppContext } from '../../app/views/context.ts';
import type { AdminClient } from '../../sdk/index.ts';
import { fakeHistory } from './fake-client.ts';

/**
 * The whole app at `path` over `client` (a fake), with its real session and router, signed in as
 * the client's `me` says; `copied` collects what the copy buttons copied. The clock is fixed.
 */
export async function renderApp(path: string, client: AdminClient, copied: string[] = []) {
  const history = fakeHistory(path);
  const session = createSession({ client });
  const context: AppContext = { client, session, router: createRouter(history.port), platform: { copyText: async (text) => void copied.push(text), now: () => Date.parse('2026-11-22T12:00:00Z') }, signInEmail: signal('') };
  render(
    <Context.Provider value={context}>
      <App />
    </Context.Provider>,
  );
  await session.load();
  return { history, session };
}
