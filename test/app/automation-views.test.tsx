// @vitest-environment happy-dom
import { signal } from '@preact/signals-core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../app/models/router.ts';
import { createSession } from '../../app/models/session.ts';
import { LinkToChange } from '../../app/views/changes-link.tsx';
import { ChangesScreen } from '../../app/views/changes.tsx';
import { Context, type AppContext } from '../../app/views/context.ts';
import { ReplyPanel } from '../../app/views/reply-panel.tsx';
import type { AdminClient, Change, Reply } from '../../sdk/index.ts';
import { makeDetail, makeRecord } from '../helpers/admin-fixtures.ts';
import { makeMe } from '../helpers/team-fixtures.ts';
import { fakeClient, fakeHistory } from './fake-client.ts';
import { httpError, recorder } from './fakes.ts';

// The reply panel and the Changes screen over their real models, with a fake client.
afterEach(cleanup);

async function mount(client: AdminClient, children: ComponentChildren) {
  const session = createSession({ client });
  await session.load();
  const context: AppContext = { client, session, router: createRouter(fakeHistory('/').port), platform: { copyText: async () => undefined, now: () => Date.parse('2026-12-01T12:00:00Z') }, signInEmail: signal('') };
  render(<Context.Provider value={context}>{children}</Context.Provider>);
}

describe('reply panel', () => {
  it('a detractor’s reply starts with an apology and is sent as edited; the queued mail is said', async () => {
    const { calls, record } = recorder();
    const target = makeRecord({ user: { id: 'u1', email: 'kim@c.example', name: 'Kim', traits: null } });
    const client = fakeClient({
      me: async () => makeMe({ role: 'member' }),
      reply: record('reply', async (_id: string, reply: Reply) => ({ id: 'm1', kind: 'reply', to: 'kim@c.example', replyTo: null, subject: reply.subject, text: reply.body, html: '', responseId: target.id, state: 'queued', error: null, createdAt: '2026-12-01T12:00:00.000Z', sentAt: null }) as const),
    });
    await mount(client, <ReplyPanel responseId={target.id} record={target} />);
    const subject = screen.getByLabelText('Subject');
    expect((subject as HTMLInputElement).value).toBe('Sorry we let you down');
    expect((screen.getByLabelText('Message') as HTMLTextAreaElement).value).toMatch(/^Hi Kim,/);
    fireEvent.input(subject, { target: { value: 'About your visit' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await screen.findByText(/Reply queued to kim@c.example/);
    expect(calls[0]?.[1][1]).toMatchObject({ subject: 'About your visit' });
  });

  it('nobody to write to: the reason, and no form', async () => {
    await mount(fakeClient({ me: async () => makeMe({ role: 'member' }) }), <ReplyPanel responseId="r" record={makeRecord({ contactEmail: 'x@c.example', contactConsent: false })} />);
    expect(screen.getByText(/There is no address to write to/)).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Send reply' })).toBeNull();
  });
});

describe('changes screen', () => {
  const draft: Change = { id: 'ch1', title: 'Faster exports', body: 'Done.', createdBy: 'Ada', createdAt: '2026-12-01T10:00:00.000Z', publishedAt: null, responseIds: ['a', 'b'] };

  it('publishing asks first, saying how many will be emailed, noticed and resolved; then says what was done', async () => {
    const { calls, record } = recorder();
    const records = { a: makeRecord({ id: 'a', user: { id: 'u1', email: 'kim@c.example', name: null, traits: null } }), b: makeRecord({ id: 'b', followUpStatus: 'resolved' }) };
    const client = fakeClient({
      me: async () => makeMe({ role: 'member' }),
      changes: async () => [draft],
      get: async (id: string) => (id === 'a' ? makeDetail(records.a) : makeDetail(records.b)),
      publishChange: record('publish', async () => ({ change: { ...draft, publishedAt: '2026-12-01T12:00:00.000Z' }, published: true, emailed: 1, resolved: 1, notices: 1 })),
    });
    await mount(client, <ChangesScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Publish “Faster exports”' }));
    const confirm = await screen.findByRole('group', { name: 'Publish “Faster exports”?' });
    await waitFor(() => expect(confirm.textContent).toContain('Publishing emails 1 respondent, shows 1 identified respondent a notice in the widget, and resolves 1 follow-up.'));
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Publish now' }));
    await screen.findByText('Published “Faster exports”: 1 respondent emailed, 1 notice queued, 1 follow-up resolved.');
    expect(calls).toEqual([['publish', ['ch1']]]);
    expect(screen.getByText('Published', { selector: '.badge' })).toBeDefined();
  });

  it('a viewer reads the list but gets no way to change it', async () => {
    await mount(fakeClient({ me: async () => makeMe({ role: 'viewer' }), changes: async () => [draft] }), <ChangesScreen />);
    await screen.findByText('Faster exports');
    expect(screen.queryByRole('heading', { name: 'New change' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Publish|Link responses/ })).toBeNull();
  });

  it('the list failing says so', async () => {
    await mount(fakeClient({ me: async () => makeMe({ role: 'member' }), changes: () => Promise.reject(httpError(500, 'internal')) }), <ChangesScreen />);
    await screen.findByText('The collector could not load the changes just now. Try again in a moment.');
  });
});

describe('link to a change', () => {
  it('links every response of the inbox’s query to the chosen draft; published changes are not offered', async () => {
    const { calls, record } = recorder();
    const drafts: Change[] = [
      { id: 'ch1', title: 'Faster exports', body: 'x', createdBy: 'Ada', createdAt: '2026-12-01T10:00:00.000Z', publishedAt: null, responseIds: [] },
      { id: 'ch2', title: 'Dark mode', body: 'x', createdBy: 'Ada', createdAt: '2026-12-01T10:00:00.000Z', publishedAt: null, responseIds: [] },
      { id: 'ch3', title: 'Old news', body: 'x', createdBy: 'Ada', createdAt: '2026-12-01T10:00:00.000Z', publishedAt: '2026-12-01T11:00:00.000Z', responseIds: [] },
    ];
    const client = fakeClient({
      me: async () => makeMe({ role: 'member' }),
      changes: async () => drafts,
      iterate: record('iterate', async function* () {
        yield makeRecord({ id: 'r1' });
        yield makeRecord({ id: 'r2' });
      }),
      linkResponses: record('link', async (id: string, ids: string[]) => ({ ...(drafts.find((change) => change.id === id) ?? drafts[0]!), responseIds: ids })),
    });
    await mount(client, <LinkToChange query={{ segment: 'detractor', hasComment: true }} />);
    const select = await screen.findByLabelText('Link these responses to');
    expect([...select.querySelectorAll('option')].map((option) => option.textContent)).toEqual(['Faster exports', 'Dark mode']);
    fireEvent.change(select, { target: { value: 'ch2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Link to a change' }));
    await screen.findByText('Linked 2 responses.');
    expect(calls).toEqual([
      ['iterate', [{ segment: 'detractor', hasComment: true, limit: 100 }]],
      ['link', ['ch2', ['r1', 'r2']]],
    ]);
  });
});
