// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { npsFromCounts } from '../../sdk/index.ts';
import { makeMe } from '../helpers/team-fixtures.ts';
import { fakeClient } from './fake-client.ts';
import { renderApp } from './render-app.tsx';
import { makeStats, recorder } from './fakes.ts';

// The dashboard over its real model with a fake client: the figures and every chart's table.
afterEach(cleanup);


const stats = makeStats({
  summary: npsFromCounts({ promoters: 3, passives: 2, detractors: 2 }),
  distribution: [1, 0, 0, 1, 0, 0, 0, 1, 1, 1, 2],
  trend: [{ period: '2026-11-16', ...npsFromCounts({ promoters: 3, passives: 2, detractors: 2 }) }],
  shown: 20,
  responseRate: 0.35,
  drivers: { promoters: [{ driver: 'speed', count: 2 }], passives: [{ driver: 'price', count: 2 }], detractors: [{ driver: 'support', count: 2 }, { driver: 'price', count: 1 }] },
  followUp: { settled: 5, contactedInSla: 3, contactedInSlaShare: 0.6, medianHoursToFirstContact: 7.5, overdueByOwner: [{ ownerId: 'user-2', owner: 'Mo Member', count: 2 }, { ownerId: null, owner: null, count: 1 }] },
});

describe('the dashboard screen', () => {
  it('a viewer sees the filters of the address, the figures and each chart’s table', async () => {
    const { calls, record } = recorder();
    await renderApp('/dashboard?surveyId=nps', fakeClient({ me: async () => makeMe({ role: 'viewer' }), stats: record('stats', async () => stats) }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).toBe('page');
    await screen.findByRole('table', { name: 'Responses per score' });
    expect(calls).toEqual([['stats', [{ interval: 'week', surveyId: 'nps' }]]]);
    expect((screen.getByLabelText('Survey') as HTMLInputElement).value).toBe('nps');
    // 3 promoters, 2 passives, 2 detractors: NPS 14.3 ± 66.7.
    const summary = screen.getAllByRole('definition').map((item) => item.textContent);
    expect(summary.slice(0, 4)).toEqual(['14.3 ±66.7', '7', '20', '35 %']);
    const trend = within(screen.getByRole('table', { name: 'NPS per period with its 95 % range' })).getAllByRole('row');
    expect(trend[1]?.textContent).toBe('2026-11-16714.3-52.4 to 81');
    const scores = within(screen.getByRole('table', { name: 'Responses per score' })).getAllByRole('row');
    expect(scores.slice(1).map((row) => row.textContent)).toEqual(['0114 %', '100 %', '200 %', '3114 %', '400 %', '500 %', '600 %', '7114 %', '8114 %', '9114 %', '10229 %']);
    expect(within(screen.getByRole('table', { name: 'Responses per segment' })).getAllByRole('row').map((row) => row.textContent)).toEqual(['SegmentResponsesShare', 'Promoters343 %', 'Passives229 %', 'Detractors229 %']);
    expect(within(screen.getByRole('table', { name: 'Detractors' })).getAllByRole('row').map((row) => row.textContent)).toEqual(['DriverResponsesShare', 'support2100 %', 'price150 %']);
    expect(within(screen.getByRole('table', { name: 'Overdue per owner' })).getAllByRole('row').map((row) => row.textContent)).toEqual(['OwnerOverdue', 'Mo Member2', 'Nobody1']);
    expect(screen.getByText('7.5 h')).toBeTruthy();
  });

  it('Apply asks for the new filters and puts them in the address (in place)', async () => {
    const { calls, record } = recorder();
    const { history } = await renderApp('/dashboard', fakeClient({ me: async () => makeMe({ role: 'viewer' }), stats: record('stats', async () => stats) }));
    await screen.findByRole('table', { name: 'Responses per score' });
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.input(screen.getByLabelText('To (included)'), { target: { value: '2026-11-30' } });
    fireEvent.change(screen.getByLabelText('Trend by'), { target: { value: 'day' } });
    fireEvent.input(screen.getByLabelText('Trait'), { target: { value: 'plan' } });
    fireEvent.input(screen.getByLabelText('Trait value'), { target: { value: 'pro' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]).toEqual(['stats', [{ interval: 'day', from: '2026-11-01', to: '2026-12-01', trait: { key: 'plan', value: 'pro' } }]]);
    expect(history.entries).toEqual(['/dashboard?from=2026-11-01&to=2026-11-30&interval=day&trait.plan=pro']);
  });
});
