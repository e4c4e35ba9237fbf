import { useEffect } from 'preact/hooks';
import type { ResponseRecord } from '../../sdk/index.ts';
import { createInbox } from '../models/inbox.ts';
import { useApp } from './context.ts';
import { ErrorNote } from './notice.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { useModel, useValue } from './use-value.ts';
import { When } from './when.tsx';
import { failureText, STATUS_WORDS } from './words.ts';

/** The latest responses and the NPS: a table on wide screens, cards on narrow ones. */
export function InboxScreen() {
  const { client } = useApp();
  const inbox = useModel(() => createInbox({ client }));
  useEffect(() => void inbox.load(), [inbox]);
  const records = useValue(inbox.records);
  const summary = useValue(inbox.summary);
  const loaded = useValue(inbox.loaded);
  const failure = useValue(inbox.failure);
  const includeTest = useValue(inbox.includeTest);
  return (
    <>
      <ScreenHeading title="Inbox" />
      <div class="toolbar">
        <label class="check">
          <input type="checkbox" checked={includeTest} onChange={(event) => void inbox.showTest(event.currentTarget.checked)} aria-describedby="test-note" /> Show test responses
        </label>
        <p class="hint" id="test-note">
          Answers sent in test mode (the demo’s playground, or a tag with <code>data-test="true"</code>) are left out of these numbers and this list unless you tick this.
        </p>
      </div>
      {summary && (
        <dl class="summary" aria-label="Summary">
          <div class="tile tile-main">
            <dt>NPS</dt>
            <dd>
              {summary.nps ?? '—'}
              {summary.nps !== null && summary.marginOfError !== null && <span class="muted"> ±{summary.marginOfError}</span>}
            </dd>
          </div>
          <div class="tile">
            <dt>Responses</dt>
            <dd>{summary.total}</dd>
          </div>
          <div class="tile">
            <dt>Promoters</dt>
            <dd class="promoter">{summary.promoters}</dd>
          </div>
          <div class="tile">
            <dt>Passives</dt>
            <dd class="passive">{summary.passives}</dd>
          </div>
          <div class="tile">
            <dt>Detractors</dt>
            <dd class="detractor">{summary.detractors}</dd>
          </div>
        </dl>
      )}
      {failure && (
        <ErrorNote>
          {failureText(failure, 'load the responses')}{' '}
          <button type="button" class="link" onClick={() => void inbox.load()}>
            Try again
          </button>
        </ErrorNote>
      )}
      <section aria-labelledby="latest-title">
        <h2 id="latest-title">Latest responses</h2>
        {loaded && records.length === 0 && <p class="empty">No responses yet. They appear here as soon as people answer the survey.</p>}
        {records.length > 0 && (
          <>
            <table class="wide-only">
              <thead>
                <tr>
                  <th scope="col">Score</th>
                  <th scope="col">Comment</th>
                  <th scope="col">Who</th>
                  <th scope="col">When</th>
                  <th scope="col">Status</th>
                  <th scope="col">Owner</th>
                </tr>
              </thead>
              <tbody>
                {records.map((record) => (
                  <tr key={record.id} data-id={record.id}>
                    <td>
                      <Score record={record} />
                    </td>
                    <td class="comment">{record.comment ?? <span class="muted">No comment</span>}</td>
                    <td>{who(record)}</td>
                    <td>
                      <When at={record.receivedAt} />
                    </td>
                    <td>{STATUS_WORDS[record.followUpStatus] ?? record.followUpStatus}</td>
                    <td>{record.followUpOwner ?? <span class="muted">Nobody</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ul class="cards narrow-only">
              {records.map((record) => (
                <li key={record.id} class="card response-card" data-id={record.id}>
                  <p class="card-top">
                    <Score record={record} />
                    <span class="muted">
                      {who(record)} · <When at={record.receivedAt} />
                    </span>
                  </p>
                  <p class="comment">{record.comment ?? <span class="muted">No comment</span>}</p>
                  <p class="muted">
                    {STATUS_WORDS[record.followUpStatus] ?? record.followUpStatus} · {record.followUpOwner ?? 'Nobody'}
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

function Score({ record }: { record: ResponseRecord }) {
  return (
    <span class={`score ${record.segment}`}>
      <span class="score-number">{record.score}</span> <span class="score-segment">{record.segment}</span>
      {record.test && <span class="badge test-mark">test</span>}
    </span>
  );
}

function who(record: ResponseRecord): string {
  return record.user?.name ?? record.user?.email ?? record.contactEmail ?? 'Anonymous';
}
