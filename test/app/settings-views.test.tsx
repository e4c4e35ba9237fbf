// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminClient, Role, SiteView } from '../../sdk/index.ts';
import { makeMe } from '../helpers/team-fixtures.ts';
import { fakeClient } from './fake-client.ts';
import { renderApp } from './render-app.tsx';
import { recorder } from './fakes.ts';

// The Settings screen over its real models, with a fake client.
afterEach(cleanup);

const shop: SiteView = { id: 'site-1', name: 'Shop', publicKey: 'pk_shop', origins: ['https://shop.example'], createdAt: '2026-11-20T09:00:00.000Z' };
const team = makeMe().team;

async function renderSettings(role: Role, overrides: Partial<AdminClient> = {}) {
  const copied: string[] = [];
  const client = fakeClient({ me: async () => makeMe({ role }), team: async () => team, sites: async () => [shop], ...overrides });
  const { history } = await renderApp('/settings', client, copied);
  await screen.findByRole('heading', { level: 1, name: 'Settings' });
  return { history, copied };
}

describe('settings', () => {
  it('a viewer reads the team, the sites with their keys and script tags, and no edit controls', async () => {
    const { copied } = await renderSettings('viewer');
    expect(await screen.findByText('7 days after a response arrives')).toBeDefined();
    const tag = await screen.findByLabelText('Script tag for Shop');
    expect((tag as HTMLInputElement).value).toBe('<script async src="https://YOUR-CDN/onepoint.js" data-endpoint="http://c.example" data-site-key="pk_shop"></script>');
    expect(screen.queryByRole('button', { name: 'Edit Shop' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Create site' })).toBeNull();
    expect(screen.queryByLabelText('Team name')).toBeNull();
    expect(screen.queryByRole('link', { name: 'API tokens' })).toBeNull();
    fireEvent.click(screen.getAllByRole('button', { name: 'Copy' })[1]!);
    await waitFor(() => expect(copied).toEqual([(tag as HTMLInputElement).value]));
  });

  it('an admin creates a site: a bad origin is named first, then the keys and the tag to copy', async () => {
    const { calls, record } = recorder();
    await renderSettings('admin', {
      createSite: record('createSite', async (input) => ({ site: { ...shop, id: 'site-2', name: input.name, publicKey: 'pk_blog', origins: input.origins }, secretKey: 'sk_blog' })),
    });
    fireEvent.input(await screen.findByLabelText('Site name'), { target: { value: 'Blog' } });
    const origins = screen.getAllByLabelText('Allowed origins').at(-1)!;
    fireEvent.input(origins, { target: { value: 'https://blog.example/posts' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create site' }));
    expect(await screen.findByText(/Line 1 \(“https:\/\/blog.example\/posts”\) is not an origin: did you mean https:\/\/blog.example\?/)).toBeDefined();
    expect(calls).toEqual([]);
    fireEvent.input(origins, { target: { value: 'https://blog.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create site' }));
    const keys = await screen.findByRole('region', { name: 'Keys of Blog' });
    expect(keys.textContent).toContain('Copy the secret key now');
    expect((screen.getByLabelText('Secret key (admin API, this site only)') as HTMLInputElement).value).toBe('sk_blog');
    expect((screen.getByLabelText('Script tag') as HTMLInputElement).value).toContain('data-site-key="pk_blog"');
    expect(calls).toEqual([['createSite', [{ name: 'Blog', origins: ['https://blog.example'] }]]]);
    fireEvent.click(screen.getByRole('button', { name: 'I have copied it' }));
    await waitFor(() => expect(screen.queryByLabelText('Secret key (admin API, this site only)')).toBeNull());
    expect(screen.getByRole('heading', { name: 'Blog' })).toBeDefined();
  });

  it('an admin edits origins and the SLA; the links lead to members, tokens and the audit log', async () => {
    const { calls, record } = recorder();
    const { history } = await renderSettings('admin', {
      updateSite: record('updateSite', async (id, change) => ({ ...shop, id, ...change })),
      updateTeam: record('updateTeam', async (change) => ({ ...team, ...change })),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Shop' }));
    const form = await screen.findByRole('form', { name: 'Edit Shop' });
    fireEvent.input(form.querySelector('textarea')!, { target: { value: 'https://shop.example\nhttps://eu.shop.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save site' }));
    expect(await screen.findByText('Saved: pages of these origins can send responses now.')).toBeDefined();
    fireEvent.input(screen.getByLabelText('Follow-up time (days)'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save team' }));
    expect(await screen.findByText('Saved. New responses are due 3 days after they arrive.')).toBeDefined();
    expect(calls).toEqual([
      ['updateSite', ['site-1', { origins: ['https://shop.example', 'https://eu.shop.example'] }]],
      ['updateTeam', [{ slaDays: 3 }]],
    ]);
    fireEvent.click(screen.getAllByRole('link', { name: 'Audit log' }).at(-1)!);
    await waitFor(() => expect(history.current()).toBe('/audit'));
  });
});
