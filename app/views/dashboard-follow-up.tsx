import type { Stats } from '../../sdk/index.ts';
import { duration, percent } from '../models/dashboard-figures.ts';

/** Follow-up health: contacted within the SLA, the median wait to a first contact, overdue per owner. */
export function DashboardFollowUp({ followUp }: { followUp: Stats['followUp'] }) {
  return (
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
  );
}
