import { useEffect, useId, useState } from 'preact/hooks';
import type { ListQuery } from '../../sdk/index.ts';
import { createChanges } from '../models/changes.ts';
import { useApp } from './context.ts';
import { ErrorNote } from './notice.tsx';
import { useModel, useValue } from './use-value.ts';
import { counted, failureText } from './words.ts';

/**
 * "Link to a change": every response of `query` (the inbox's current filter) linked to a draft
 * change chosen here. For the inbox to mount beside its filters.
 */
export function LinkToChange(props: { query: Omit<ListQuery, 'cursor' | 'limit'> } | { responseId: string }) {
  const { client } = useApp();
  const id = useId();
  const changes = useModel(() => createChanges({ client }));
  useEffect(() => void changes.load(), [changes]);
  const drafts = useValue(changes.items).filter((change) => change.publishedAt === null);
  const linked = useValue(changes.linked);
  const busy = useValue(changes.busy);
  const failure = useValue(changes.failure);
  const [chosen, setChosen] = useState('');
  const target = drafts.find((change) => change.id === chosen) ?? drafts[0];
  if (drafts.length === 0) return null;
  return (
    <div class="link-to-change">
      <label for={id}>{'responseId' in props ? 'Link this response to' : 'Link these responses to'}</label>
      <select id={id} value={target?.id} onChange={(event) => setChosen(event.currentTarget.value)}>
        {drafts.map((change) => (
          <option key={change.id} value={change.id}>
            {change.title}
          </option>
        ))}
      </select>
      <button type="button" disabled={busy || !target} onClick={() => target && void ('responseId' in props ? changes.linkIds(target.id, props.responseId) : changes.linkQuery(target.id, props.query))}>
        Link to a change
      </button>
      <p class="hint" role="status">
        {linked ? (linked.added === 0 ? 'No new responses to link.' : `Linked ${counted(linked.added, 'response', 'responses')}.`) : ''}
      </p>
      {failure && <ErrorNote>{failureText(failure, 'link the responses')}</ErrorNote>}
    </div>
  );
}
