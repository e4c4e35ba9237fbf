import { useEffect } from 'preact/hooks';
import type { Stats } from '../../sdk/index.ts';
import { driverTables, duration, percent, scoreBars, segmentSplit, trendPoints } from '../models/dashboard-figures.ts';
import { createDashboard } from '../models/dashboard.ts';
import { Chart } from './charts/chart.tsx';
import { useApp } from './context.ts';
import { DashboardFiltersForm } from './dashboard-filters-form.tsx';
import { ErrorNote } from './notice.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { useModel, useValue } from './use-value.ts';
import { failureText, SEGMENT_WORDS } from './words.ts';

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
  const trend = trendPoints(stats);
  const bars = scoreBars(stats);
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

      <section aria-labelledby="trend-title" class="panel">
        <h2 id="trend-title">NPS over time</h2>
        <p class="hint">The line is the NPS of each period; the shaded band its 95 % margin of error.</p>
        {trend.length > 1 && <Chart label="trend" data={trend} draw={(charts, target, data, width) => charts.drawTrend(target, data, width)} />}
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">NPS per period with its 95 % range</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Responses</th>
                <th scope="col">NPS</th>
                <th scope="col">95 % range</th>
              </tr>
            </thead>
            <tbody>
              {trend.map((point) => (
                <tr key={point.period}>
                  <th scope="row">{point.period}</th>
                  <td>{point.total}</td>
                  <td>{point.nps ?? '—'}</td>
                  <td>{point.low === null || point.high === null ? '—' : `${point.low} to ${point.high}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="distribution-title" class="panel">
        <h2 id="distribution-title">Scores, 0 to 10</h2>
        {summary.total > 0 && <Chart label="distribution" data={bars} draw={(charts, target, data, width) => charts.drawDistribution(target, data, width)} />}
        <div class="table-scroll">
          <table class="compact">
            <caption class="visually-hidden">Responses per score</caption>
            <thead>
              <tr>
                <th scope="col">Score</th>
                <th scope="col">Responses</th>
                <th scope="col">Share</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.score}>
                  <th scope="row" class={bar.segment}>
                    {bar.score}
                  </th>
                  <td>{bar.count}</td>
                  <td>{percent(summary.total ? bar.share : null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="segments-title" class="panel">
        <h2 id="segments-title">Segments</h2>
        {summary.total > 0 && (
          <div class="split" aria-hidden="true">
            {segmentSplit(stats).map((part) => (
              <span key={part.segment} class={`split-${part.segment}`} style={{ width: `${part.share * 100}%` }} />
            ))}
          </div>
        )}
        <table>
          <caption class="visually-hidden">Responses per segment</caption>
          <thead>
            <tr>
              <th scope="col">Segment</th>
              <th scope="col">Responses</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {segmentSplit(stats).map((part) => (
              <tr key={part.segment}>
                <th scope="row" class={part.segment}>
                  {SEGMENT_WORDS[part.segment]}
                </th>
                <td>{part.count}</td>
                <td>{percent(summary.total ? part.share : null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="drivers-title" class="panel">
        <h2 id="drivers-title">What each segment ticked</h2>
        <p class="hint">The loyalty drivers respondents chose, most chosen first; the share is of that segment’s responses.</p>
        <div class="driver-tables">
          {driverTables(stats).map((table) => (
            <div key={table.segment}>
              <h3 id={`drivers-${table.segment}`}>{SEGMENT_WORDS[table.segment]}</h3>
              {table.drivers.length === 0 ? (
                <p class="muted">None ticked.</p>
              ) : (
                <table class="compact" aria-labelledby={`drivers-${table.segment}`}>
                  <thead>
                    <tr>
                      <th scope="col">Driver</th>
                      <th scope="col">Responses</th>
                      <th scope="col">Share</th>
                    </tr>
                  </thead>
                  <tbody>
                    {table.drivers.map((driver) => (
                      <tr key={driver.driver}>
                        <th scope="row">{driver.driver}</th>
                        <td>{driver.count}</td>
                        <td>{percent(driver.share)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="follow-up-title" class="panel">
        <h2 id="follow-up-title">Follow-up</h2>
        <dl class="summary" aria-label="Follow-up health">
          <div class="tile">
            <dt>Contacted within the SLA</dt>
            <dd data-figure="within-sla">
              {percent(followUp.contactedInSlaShare)}
              <span class="muted">
                {' '}
                {followUp.contactedInSla} of {followUp.settled}
              </span>
            </dd>
          </div>
          <div class="tile">
            <dt>Median time to first contact</dt>
            <dd data-figure="median-contact">{duration(followUp.medianHoursToFirstContact)}</dd>
          </div>
        </dl>
        <p class="hint">Counted once a response was contacted or its due date passed; contacted means its status first moved on from New.</p>
        <h3 id="overdue-title">Overdue per owner</h3>
        {followUp.overdueByOwner.length === 0 ? (
          <p class="muted">Nothing overdue.</p>
        ) : (
          <table class="compact" aria-labelledby="overdue-title">
            <thead>
              <tr>
                <th scope="col">Owner</th>
                <th scope="col">Overdue</th>
              </tr>
            </thead>
            <tbody>
              {followUp.overdueByOwner.map((row) => (
                <tr key={`${row.ownerId ?? ''}|${row.owner ?? ''}`}>
                  <th scope="row">{row.owner ?? 'Nobody'}</th>
                  <td>{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
