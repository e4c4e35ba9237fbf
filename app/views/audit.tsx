import { useEffect, useId } from 'preact/hooks';
import { AUDIT_ACTIONS, type AuditEntry } from '../../sdk/index.ts';
import { createAudit } from '../models/audit.ts';
import { useApp } from './context.ts';
import { ErrorNote } from './notice.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { useModel, useValue } from './use-value.ts';
import { When } from './when.tsx';
import { actionText, failureText } from './words.ts';

const ACTOR_WORDS: Record<AuditEntry['actor']['type'], string> = { member: '', token: 'API token', 'site-key': 'site key', system: 'onepoint' };

/** (admin) Who did what, when: newest first, more by cursor, filtered by action. */
export function AuditScreen() {
  const { client } = useApp();
  const audit = useModel(() => createAudit({ client }));
  const filterId = useId();
  useEffect(() => void audit.load(), [audit]);
  const items = useValue(audit.items);
  const action = useValue(audit.action);
  const next = useValue(audit.nextCursor);
  const busy = useValue(audit.busy);
  const loaded = useValue(audit.loaded);
  const failure = useValue(audit.failure);
  return (
    <>
      <ScreenHeading title="Audit log" />
      <div class="toolbar">
        <label for={filterId}>Show</label>
        <select id={filterId} value={action ?? ''} onChange={(event) => void audit.filter(AUDIT_ACTIONS.find((option) => option === event.currentTarget.value))}>
          <option value="">Every action</option>
          {AUDIT_ACTIONS.map((option) => (
            <option key={option} value={option}>
              {capitalise(actionText(option))}
            </option>
          ))}
        </select>
      </div>
      {failure && <ErrorNote>{failureText(failure, 'load the audit log')}</ErrorNote>}
      {loaded && items.length === 0 && <p class="empty">Nothing recorded{action ? ' for this action' : ''} yet.</p>}
      <ol class="rows audit" aria-label="Audit entries, newest first">
        {items.map((entry) => (
          <li key={entry.id} class="row">
            <div class="row-main">
              <p class="row-title">
                <strong>{entry.actor.name}</strong>
                {ACTOR_WORDS[entry.actor.type] && <span class="badge">{ACTOR_WORDS[entry.actor.type]}</span>} {actionText(entry.action)}
              </p>
              <p class="muted">
                <When at={entry.at} />
                {detailText(entry.detail) && ` · ${detailText(entry.detail)}`}
              </p>
            </div>
          </li>
        ))}
      </ol>
      {next && (
        <div class="actions">
          <button type="button" disabled={busy} onClick={() => void audit.loadMore()}>
            {busy ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </>
  );
}

/** The detail as short `key: value` pairs (e.g. "from: member, to: admin"). */
function detailText(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([, value]) => value !== null && value !== undefined && typeof value !== 'object')
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
