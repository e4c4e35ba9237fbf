// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Playbook } from '../../sdk/index.ts';
import { makeDetail, makeRecord } from '../helpers/admin-fixtures.ts';
import { makeMe, makeMember } from '../helpers/team-fixtures.ts';
import { fakeClient } from './fake-client.ts';
import { renderApp } from './render-app.tsx';
import { makeSummary, recorder } from './fakes.ts';

// The inbox and one response over their real models, with a fake client.
afterEach(cleanup);


const statsSummary = async () => makeSummary({ promoters: 0, passives: 0, detractors: 1, total: 1, nps: -100, marginOfError: null });
// A playbook that somehow holds an advocacy step outside promoters: the app never shows it.
const PLAYBOOKS: Playbook[] = [{ segment: 'detractor', custom: true, steps: [{ id: 'sorry', text: 'Apologise' }, { id: 'review', text: 'Ask for a review', advocacy: true }] }];

describe('inbox and response views', () => {
  it('a filter goes into the address; a row opens the response with the list it came from', async () => {
    const { calls, record } = recorder();
    const client = fakeClient({ me: async () => makeMe(), members: async () => [makeMember()], list: record('list', async () => ({ items: [makeRecord({ comment: 'Too slow' })], nextCursor: null })), statsSummary, views: async () => [], get: async () => makeDetail(), playbooks: async () => PLAYBOOKS });
    const { history } = await renderApp('/inbox?segment=detractor', client);
    await screen.findAllByText('Too slow');
    // The rarer filters are drawn once "More filters" opens.
    expect(screen.queryByLabelText('Score to')).toBeNull();
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'contacted' } });
    await waitFor(() => expect(history.current()).toBe('/inbox?segment=detractor&followUpStatus=contacted'));
    expect(calls.at(-1)).toEqual(['list', [{ segment: 'detractor', followUpStatus: 'contacted', limit: 25 }]]);
    fireEvent.click(screen.getAllByRole('link', { name: /Open the detractor response/ })[0]!);
    await screen.findByRole('heading', { level: 2, name: 'Timeline' });
    expect(history.current()).toBe(`/response?id=${makeRecord().id}&segment=detractor&followUpStatus=contacted`);
    expect(screen.getByLabelText('Apologise')).toBeDefined();
    expect(screen.queryByText('Ask for a review')).toBeNull();
  });

  it('a viewer sees the follow-up but no control that changes it', async () => {
    const client = fakeClient({ me: async () => makeMe({ role: 'viewer' }), members: async () => [], get: async () => makeDetail(), playbooks: async () => PLAYBOOKS });
    await renderApp(`/response?id=${makeRecord().id}`, client);
    await screen.findByRole('heading', { level: 2, name: 'Follow-up' });
    expect(screen.queryByLabelText('Status')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add note' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit this playbook' })).toBeNull();
    expect(screen.getByLabelText('Apologise')).toHaveProperty('disabled', true);
  });

  it('a team view is renamed in place: Enter saves, Esc leaves it, and the focus goes back to Rename', async () => {
    const { calls, record } = recorder();
    const view = { id: 'view_1', name: 'Calls', builtIn: false, query: { segment: 'passive' }, count: 2 };
    const client = fakeClient({
      me: async () => makeMe({ role: 'member' }),
      members: async () => [],
      list: async () => ({ items: [makeRecord()], nextCursor: null }),
      statsSummary,
      views: async () => [view],
      renameView: record('renameView', async (_id: string, name: string) => ({ ...view, name })),
    });
    await renderApp('/inbox', client);
    fireEvent.click(await screen.findByRole('button', { name: 'Rename the view Calls' }));
    const field = screen.getByLabelText('New name for Calls');
    fireEvent.keyDown(field, { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename the view Calls' })));
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Rename the view Calls' }));
    fireEvent.input(screen.getByLabelText('New name for Calls'), { target: { value: '  Passives to call ' } });
    fireEvent.submit(screen.getByLabelText('New name for Calls').closest('form')!);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename the view Passives to call' })));
    expect(calls).toEqual([['renameView', ['view_1', 'Passives to call']]]);
    expect(screen.getByRole('button', { name: /^Passives to call/ })).toBeDefined();
  });
});
