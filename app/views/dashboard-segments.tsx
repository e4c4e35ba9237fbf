import type { Stats } from '../../sdk/index.ts';
import { driverTables, percent, segmentSplit } from '../models/dashboard-figures.ts';
import { SEGMENT_WORDS } from './words.ts';

/** The segments (a bar and its table) and what each segment ticked. */
export function DashboardSegments({ stats }: { stats: Stats }) {
  const { summary } = stats;
  return (
    <>
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

    </>
  );
}
