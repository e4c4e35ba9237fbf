// @vitest-environment happy-dom
import { makeStats } from './fakes.ts';
import { signal } from '@preact/signals-core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { createRouter } from '../../app/models/router.ts';
import { createSession } from '../../app/models/session.ts';
import { App } from '../../app/views/app.tsx';
import { Context, type AppContext } from '../../app/views/context.ts';
import type { AdminClient } from '../../sdk/index.ts';
import { makeMe } from '../helpers/team-fixtures.ts';
import { fakeClient, fakeHistory } from './fake-client.ts';
import { recorder } from './fakes.ts';

afterEach(cleanup);

async function renderApp(path: string, client: AdminClient) {
  const history = fakeHistory(path);
  const session = createSession({ client });
  const context: AppContext = { client, session, router: createRouter(history.port), platform: { copyText: async () => undefined, now: () => Date.parse('2026-11-22T12:00:00Z') }, signInEmail: signal('') };
  render(
    <Context.Provider value={context}>
      <App />
    </Context.Provider>,
  );
  await session.load();
  return { history };
}

it('an admin finds Privacy in the navigation; erasing asks first, names the person, then says what went', async () => {
  const { calls, record } = recorder();
  const client = fakeClient({ me: async () => makeMe(), erasePerson: record('erase', async () => ({ erased: { responses: 2, notes: 1, notices: 1, mail: 1 } })) });
  await renderApp('/privacy', client);
  await screen.findByRole('heading', { level: 1, name: 'Privacy' });
  expect(screen.getByRole('link', { name: 'Privacy' }).getAttribute('aria-current')).toBe('page');
  fireEvent.input(screen.getByLabelText('Email address'), { target: { value: 'ana@example.com' } });
  fireEvent.click(screen.getByRole('button', { name: 'Erase…' }));
  const confirm = await screen.findByRole('group', { name: 'Erase ana@example.com?' });
  expect(calls).toEqual([]);
  fireEvent.click(confirm.querySelector('button.danger') ?? confirm);
  expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Erased ana@example.com: 2 responses, 1 note, 1 notice, 1 queued mail.');
  expect(calls).toEqual([['erase', [{ email: 'ana@example.com' }]]]);
});

it('a member is sent away from Privacy and does not see it in the navigation', async () => {
  const client = fakeClient({ me: async () => makeMe({ role: 'member' }), list: async () => ({ items: [], nextCursor: null }), stats: async () => makeStats() });
  const { history } = await renderApp('/privacy', client);
  await waitFor(() => expect(history.current()).not.toBe('/privacy'));
  expect(screen.queryByRole('link', { name: 'Privacy' })).toBeNull();
});
