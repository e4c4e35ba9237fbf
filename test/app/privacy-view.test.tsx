// @vitest-environment happy-dom
import { makeSummary } from './fakes.ts';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { makeMe } from '../helpers/team-fixtures.ts';
import { fakeClient } from './fake-client.ts';
import { renderApp } from './render-app.tsx';
import { recorder } from './fakes.ts';

afterEach(cleanup);


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
  const client = fakeClient({ me: async () => makeMe({ role: 'member' }), list: async () => ({ items: [], nextCursor: null }), statsSummary: async () => makeSummary() });
  const { history } = await renderApp('/privacy', client);
  await waitFor(() => expect(history.current()).not.toBe('/privacy'));
  expect(screen.queryByRole('link', { name: 'Privacy' })).toBeNull();
});
