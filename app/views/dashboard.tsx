import { useEffect } from 'preact/hooks';
import type { Stats } from '../../sdk/index.ts';
import { percent } from '../models/dashboard-figures.ts';
import { createDashboard } from '../models/dashboard.ts';
import { useApp } from './context.ts';
import { DashboardCharts } from './dashboard-charts.tsx';
import { DashboardFiltersForm } from './dashboard-filters-form.tsx';
import { DashboardFollowUp } from './dashboard-follow-up.tsx';
import { DashboardSegments } from './dashboard-segments.tsx';
import { ErrorNote } from './notice.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { useModel, useValue } from './use-value.ts';
import { failureText } from './words.ts';

/** NPS and what is behind it, for the filters in the address (viewer and up). Every chart has its table. */
export function DashboardScreen(props: { params?: Record<string, string> }) {
  const { client, router } = useApp();
  const dashboard = useModel(() => createDashboard({ client, ...(props.params ? { params: props.params } : {}), onParams: (params) => router.replace({ screen: 'dashboard', params }) }));
  useEffect(() => void dashboard.load(), [dashboard]);
  const filters = useValue(dashboard.filters);
  const stats = useValue(dashboard.stats);
  const busy = useValue(dashboard.busy);
  const failure = useValue(dashboard.failure);
  return (
    <>
      <ScreenHeading title="Dashboard" />
      <DashboardFiltersForm filters={filters} busy={busy} onApply={(next) => void dashboard.apply(next)} />
      <p class="visually-hidden" role="status">
        {busy ? 'Loading the numbers…' : ''}
      </p>
      {failure && (
        <ErrorNote>
          {failureText(failure, 'load the numbers')}{' '}
          <button type="button" class="link" onClick={() => void dashboard.load()}>
            Try again
          </button>
        </ErrorNote>
      )}
      {stats && <Figures stats={stats} />}
    </>
  );
}

function Figures({ stats }: { stats: Stats }) {
  const { summary, followUp } = stats;
  return (
    <>
      <dl class="summary" aria-label="Summary">
        <div class="tile tile-main">
          <dt>NPS</dt>
          <dd data-figure="nps">
            {summary.nps ?? '—'}
            {summary.nps !== null && summary.marginOfError !== null && <span class="muted"> ±{summary.marginOfError}</span>}
          </dd>
        </div>
        <div class="tile">
          <dt>Responses</dt>
          <dd data-figure="responses">{summary.total}</dd>
        </div>
        <div class="tile">
          <dt>Shown</dt>
          <dd data-figure="shown">{stats.shown ?? '—'}</dd>
        </div>
        <div class="tile">
          <dt>Response rate</dt>
          <dd data-figure="response-rate">{percent(stats.responseRate)}</dd>
        </div>
      </dl>
      {stats.shown === null && <p class="hint">Displays are counted without traits, so there is no response rate for a trait filter.</p>}
      {summary.total === 0 && <p class="empty">No responses for these filters yet.</p>}

      <DashboardCharts stats={stats} />
      <DashboardSegments stats={stats} />
      <DashboardFollowUp followUp={followUp} />
    </>
  );
}
