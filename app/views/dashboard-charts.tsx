import type { Stats } from '../../sdk/index.ts';
import { percent, scoreBars, trendPoints } from '../models/dashboard-figures.ts';
import { Chart } from './charts/chart.tsx';

/** The NPS trend with its band, and the 0–10 distribution: each a chart, and the table that says the same. */
export function DashboardCharts({ stats }: { stats: Stats }) {
  const { summary } = stats;
  const trend = trendPoints(stats);
  const bars = scoreBars(stats);
  return (
    <>
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

    </>
  );
}
