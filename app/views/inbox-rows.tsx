import type { ComponentChildren } from 'preact';
import type { ResponseRecord } from '../../sdk/index.ts';
import type { Inbox } from '../models/inbox.ts';
import { isOverdue } from '../models/response.ts';
import { CommentText, Score, who } from './response-bits.tsx';
import { useNarrow } from './use-narrow.ts';
import { When } from './when.tsx';
import { STATUS_WORDS } from './words.ts';

interface RowsProps {
  records: ResponseRecord[];
  selected: number;
  inbox: Inbox;
  open: (record: ResponseRecord) => void;
  now: number;
}

/**
 * The inbox's responses: a table on wide screens, cards on narrow ones. Only the layout that
 * shows is rendered (following the window's width), not both with one hidden.
 */
export function InboxRows(props: RowsProps) {
  return useNarrow() ? <Cards {...props} /> : <Table {...props} />;
}

function Table(props: RowsProps) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Score</th>
          <th scope="col">Comment</th>
          <th scope="col">Who</th>
          <th scope="col">When</th>
          <th scope="col">Status</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
        </tr>
      </thead>
      <tbody>
        {props.records.map((record, index) => (
          <tr key={record.id} data-id={record.id} data-index={index} class={index === props.selected ? 'selected' : undefined}>
            <td>
              <OpenLink record={record} index={index} inbox={props.inbox} open={props.open}>
                <Score record={record} />
              </OpenLink>
            </td>
            <td class="comment">
              <CommentText record={record} />
            </td>
            <td>{who(record)}</td>
            <td>
              <When at={record.receivedAt} />
            </td>
            <td>{STATUS_WORDS[record.followUpStatus] ?? record.followUpStatus}</td>
            <td>{record.followUpOwner ?? <span class="muted">Nobody</span>}</td>
            <td>
              <Due record={record} now={props.now} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Cards(props: RowsProps) {
  return (
    <ul class="cards">
      {props.records.map((record, index) => (
        <li key={record.id} class={`card response-card${index === props.selected ? ' selected' : ''}`} data-id={record.id} data-index={index}>
          <p class="card-top">
            <OpenLink record={record} index={index} inbox={props.inbox} open={props.open}>
              <Score record={record} />
            </OpenLink>
            <span class="muted">
              {who(record)} · <When at={record.receivedAt} />
            </span>
          </p>
          <p class="comment">
            <CommentText record={record} />
          </p>
          <p class="muted">
            {STATUS_WORDS[record.followUpStatus] ?? record.followUpStatus} · {record.followUpOwner ?? 'Nobody'} · <Due record={record} now={props.now} />
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The row's way in: a real link (a new tab works), opened in place by a plain click or Enter. */
function OpenLink(props: { record: ResponseRecord; index: number; inbox: Inbox; open: (record: ResponseRecord) => void; children: ComponentChildren }) {
  return (
    <a
      class="open"
      href={`/response?id=${encodeURIComponent(props.record.id)}`}
      aria-label={`Open the ${props.record.segment} response, score ${props.record.score}, from ${who(props.record)}`}
      onFocus={() => props.inbox.select(props.index)}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        props.open(props.record);
      }}
    >
      {props.children}
    </a>
  );
}

function Due({ record, now }: { record: ResponseRecord; now: number }) {
  return (
    <>
      <When at={record.dueAt} />
      {isOverdue(record, now) && <span class="badge badge-warn">overdue</span>}
    </>
  );
}

