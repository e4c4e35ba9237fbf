// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Invitation } from '../../sdk/index.ts';
import { makeMe, makeMember } from '../helpers/team-fixtures.ts';
import { fakeClient } from './fake-client.ts';
import { renderApp } from './render-app.tsx';
import { httpError, makeSummary, recorder } from './fakes.ts';

// The views over their real models, with a fake client: what a person sees and what a click does.
// Preact renders after a change on its own schedule here (testing-library's act drives another
// copy of it), so every look after an event waits for the screen to show it.
afterEach(cleanup);


const signedOut = () => Promise.reject(httpError(401, 'unauthorized'));

describe('signed out', () => {
  it('an app screen shows sign-in (the address follows); signing in lands in the inbox', async () => {
    let me: () => Promise<ReturnType<typeof makeMe>> = signedOut;
    const { calls, record } = recorder();
    const client = fakeClient({
      me: () => me(),
      signIn: record('signIn', async () => {
        me = async () => makeMe();
        return { user: { id: 'user-1', email: 'ada@team.example', name: 'Ada' } };
      }),
      list: async () => ({ items: [], nextCursor: null }),
      statsSummary: async () => makeSummary(),
    });
    const { history } = await renderApp('/members', client);
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    await waitFor(() => expect(history.current()).toBe('/sign-in'));
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'ada@team.example' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'correct horse battery' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { level: 1, name: 'Inbox' });
    await waitFor(() => expect(history.current()).toBe('/inbox'));
    expect(calls).toEqual([['signIn', [{ email: 'ada@team.example', password: 'correct horse battery' }]]]);
    expect(await screen.findByText('No responses yet. They appear here as soon as people answer the survey.')).toBeDefined();
  });

  it('throttled: the wait in seconds, as an alert', async () => {
    const client = fakeClient({ me: signedOut, signIn: () => Promise.reject(httpError(429, 'rate_limited', 8_000)) });
    await renderApp('/sign-in', client);
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'ada@team.example' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'whatever it is' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Too many sign-in attempts. Wait 8 seconds before trying again.');
  });

  it('reset password: the rules under the field, and the collector’s refusal tied to it (aria-describedby)', async () => {
    const client = fakeClient({ me: signedOut, resetPassword: () => Promise.reject(httpError(400, 'password_too_common')) });
    await renderApp('/reset-password?token=rt', client);
    const field = await screen.findByLabelText('New password');
    expect(screen.getByText(/At least 12 characters, and not a common password/)).toBeDefined();
    fireEvent.input(field, { target: { value: 'password1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
    const error = await screen.findByText(/This password is too common/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
  });
});

describe('signed in', () => {
  it('a viewer: no admin sections, members listed without change controls', async () => {
    const client = fakeClient({ me: async () => makeMe({ role: 'viewer' }), members: async () => [makeMember(), makeMember({ userId: 'user-1', name: 'Ada Admin', role: 'admin' })] });
    await renderApp('/members', client);
    await screen.findByText('Mo Member');
    expect(screen.getAllByRole('link').map((link) => link.textContent)).toEqual(['Skip to content', 'Inbox', 'Dashboard', 'Changes', 'Members', 'Notifications', 'Settings']);
    expect(screen.queryAllByRole('combobox')).toEqual([]);
    expect(screen.queryByRole('button', { name: /Remove|Reset link|Invite/ })).toBeNull();
    expect(screen.getByText('Member')).toBeDefined();
  });

  it('an admin invites: the link to copy, and the copy button says it copied', async () => {
    const copied: string[] = [];
    const made: Invitation[] = [];
    const client = fakeClient({
      me: async () => makeMe(),
      members: async () => [makeMember()],
      invitations: async () => [...made],
      async invite(input) {
        const invitation = { id: 'inv-9', email: input.email, role: input.role, invitedBy: 'Ada Admin', createdAt: '2026-11-22T11:59:00.000Z', expiresAt: '2026-11-23T11:59:00.000Z' };
        made.push(invitation);
        return { invitation, link: 'http://c.example/invite?token=abc' };
      },
    });
    await renderApp('/members', client, copied);
    fireEvent.input(await screen.findByLabelText('Email'), { target: { value: 'nia@team.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
    const link = await screen.findByLabelText(/Invitation link for nia@team.example/);
    expect((link as HTMLInputElement).value).toBe('http://c.example/invite?token=abc');
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await screen.findByText('Copied to the clipboard.');
    expect(copied).toEqual(['http://c.example/invite?token=abc']);
    expect(await screen.findByText('nia@team.example')).toBeDefined();
  });

  it('removing a member asks first; the last admin’s 409 is said in words', async () => {
    const { calls, record } = recorder();
    const client = fakeClient({ me: async () => makeMe(), members: async () => [makeMember()], invitations: async () => [], removeMember: record('remove', () => Promise.reject(httpError(409, 'last_admin'))) });
    await renderApp('/members', client);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Mo Member' }));
    await screen.findByText('Remove Mo Member from the team?');
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect((await screen.findByRole('alert')).textContent).toBe('A team keeps at least one admin: make someone else admin first.');
    expect(calls).toEqual([['remove', ['user-2']]]);
  });

  it('the user menu: a disclosure; Escape closes it and gives focus back to its button', async () => {
    const client = fakeClient({ me: async () => makeMe(), list: async () => ({ items: [], nextCursor: null }), statsSummary: () => Promise.reject(httpError(500)) });
    await renderApp('/inbox', client);
    const button = await screen.findByRole('button', { name: 'Ada Admin' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    // The screen's heading takes the focus once it shows (after paint): opening the menu before would lose it to that.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Inbox' })));
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('true'));
    expect(screen.getByRole('button', { name: 'Sign out everywhere' })).toBeDefined();
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('false'));
    expect(document.activeElement).toBe(button);
  });
});
