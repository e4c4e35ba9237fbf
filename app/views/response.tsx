import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { FOLLOW_UP_STATUSES, type FollowUpStatus, type ResponseDetail, type TimelineEntry } from '../../sdk/index.ts';
import { createResponse, isOverdue, type ResponseModel } from '../models/response.ts';
import { useApp } from './context.ts';
import { ErrorNote } from './notice.tsx';
import { PlaybookEditorForm } from './playbook-editor.tsx';
import { CommentText, Score, who } from './response-bits.tsx';
import { LinkToChange } from './changes-link.tsx';
import { ReplyPanel } from './reply-panel.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { useModel, useValue } from './use-value.ts';
import { When } from './when.tsx';
import { failureText, STATUS_WORDS } from './words.ts';

const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * One response: everything it holds, the same person's others, its follow-up (owner, status,
 * due date, notes, the playbook's steps) and its timeline. Keys: a assigns it to you, s the
 * status, n a note, Esc back to the list. A viewer sees it all and no change controls.
 */
export function ResponseScreen(props: { id: string; query?: Record<string, string> }) {
  const { client, router, session, platform } = useApp();
  const me = useValue(session.me);
  const model = useModel(() => createResponse({ client, id: props.id }), [props.id]);
  useEffect(() => void model.load(), [model]);
  const detail = useValue(model.detail);
  const loadFailure = useValue(model.loadFailure);
  const canChange = me?.role === 'admin' || me?.role === 'member';
  const statusRef = useRef<HTMLSelectElement | null>(null);
  const noteRef = useRef<HTMLTextAreaElement | null>(null);
  const back = () => router.go({ screen: 'inbox', ...(props.query ? { query: props.query } : {}) });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === 'Escape') {
        if (typing(event.target) && event.target instanceof HTMLElement) return event.target.blur();
        return back();
      }
      if (typing(event.target) || !canChange) return;
      if (event.key === 'a' && me?.user) {
        event.preventDefault();
        void model.assign(me.user.id);
      } else if (event.key === 's') {
        event.preventDefault();
        statusRef.current?.focus();
      } else if (event.key === 'n') {
        event.preventDefault();
        noteRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [model, canChange, me?.user?.id]);

  return (
    <>
      <p>
        <a
          href="/inbox"
          onClick={(event) => {
            event.preventDefault();
            back();
          }}
        >
          ← Back to the inbox
        </a>
      </p>
      <ScreenHeading title={detail ? `Response from ${who(detail.response)}` : 'Response'} />
      {canChange && <p class="hint keys-hint">Keys: a assigns it to you, s the status, n a note, Esc back to the list.</p>}
      {loadFailure && <ErrorNote>{failureText(loadFailure, 'load this response')}</ErrorNote>}
      {detail && (
        <div class="response-layout">
          <div class="response-main">
            <Facts detail={detail} now={platform.now()} />
            <FollowUp model={model} canChange={canChange} statusRef={statusRef} noteRef={noteRef} myId={me?.user?.id} />
            {canChange && <ReplyPanel responseId={detail.response.id} record={detail.response} />}
            {canChange && <LinkToChange responseId={detail.response.id} />}
            <Timeline entries={detail.timeline} />
          </div>
          <Playbook model={model} canChange={canChange} isAdmin={me?.role === 'admin'} />
        </div>
      )}
    </>
  );
}

function Facts({ detail, now }: { detail: ResponseDetail; now: number }) {
  const record = detail.response;
  const traits = Object.entries(record.user?.traits ?? {});
  return (
    <section aria-labelledby="facts-title" class="panel">
      <h2 id="facts-title">What they said</h2>
      <p class="big-score">
        <Score record={record} />
      </p>
      <p class="comment">
        <CommentText record={record} />
      </p>
      <dl class="facts">
        <dt>Drivers</dt>
        <dd>{record.drivers.length ? record.drivers.join(', ') : <span class="muted">None ticked</span>}</dd>
        <dt>Contact</dt>
        <dd>{record.contactConsent ? `May be contacted${record.contactEmail ? ` at ${record.contactEmail}` : ''}` : 'Did not ask to be contacted'}</dd>
        <dt>Who</dt>
        <dd>{record.user ? [record.user.name, record.user.email, record.user.id].filter(Boolean).join(' · ') : 'Anonymous'}</dd>
        {traits.length > 0 && (
          <>
            <dt>Traits</dt>
            <dd>{traits.map(([key, value]) => `${key} = ${String(value)}`).join(', ')}</dd>
          </>
        )}
        <dt>Page</dt>
        <dd>{record.url ?? <span class="muted">Unknown</span>}</dd>
        <dt>Locale</dt>
        <dd>{record.locale ?? <span class="muted">Unknown</span>}</dd>
        <dt>Received</dt>
        <dd>
          <When at={record.receivedAt} />
        </dd>
        <dt>Due</dt>
        <dd>
          <When at={record.dueAt} /> {isOverdue(record, now) && <span class="badge badge-warn">overdue</span>}
        </dd>
      </dl>
      {detail.others.length > 0 && (
        <>
          <h3>Their earlier responses</h3>
          <ol class="others" aria-label="Their score over time, newest first">
            {detail.others.map((other) => (
              <li key={other.id}>
                <Score record={{ ...other, test: false }} /> <When at={other.receivedAt} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function FollowUp(props: { model: ResponseModel; canChange: boolean; statusRef: { current: HTMLSelectElement | null }; noteRef: { current: HTMLTextAreaElement | null }; myId: string | undefined }) {
  const { model } = props;
  // Controls stay enabled while a change is on its way: disabling one would drop the keyboard's focus.
  const detail = useValue(model.detail);
  const members = useValue(model.members);
  const busy = useValue(model.busy);
  const failure = useValue(model.failure);
  const [note, setNote] = useState('');
  const id = useId();
  if (!detail) return null;
  const record = detail.response;
  if (!props.canChange)
    return (
      <section aria-labelledby="follow-up-title" class="panel">
        <h2 id="follow-up-title">Follow-up</h2>
        <p>
          {STATUS_WORDS[record.followUpStatus]} · {record.followUpOwner ?? 'Nobody'} · due <When at={record.dueAt} />
        </p>
      </section>
    );
  return (
    <section aria-labelledby="follow-up-title" class="panel">
      <h2 id="follow-up-title">Follow-up</h2>
      {failure && <ErrorNote>{failureText(failure, 'change the follow-up')}</ErrorNote>}
      <div class="field">
        <label for={`${id}-owner`}>Owner</label>
        <select id={`${id}-owner`} value={record.followUpOwnerId ?? ''} onChange={(event) => void model.assign(event.currentTarget.value || null)}>
          <option value="">{record.followUpOwnerId === null && record.followUpOwner ? record.followUpOwner : 'Nobody'}</option>
          {members.map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.name}
            </option>
          ))}
        </select>
        {props.myId && record.followUpOwnerId !== props.myId && (
          <button type="button" class="link" aria-keyshortcuts="a" onClick={() => void model.assign(props.myId ?? null)}>
            Assign to me
          </button>
        )}
      </div>
      <div class="field">
        <label for={`${id}-status`}>Status</label>
        <select id={`${id}-status`} ref={props.statusRef} aria-keyshortcuts="s" value={record.followUpStatus} onChange={(event) => void model.setStatus(statusOf(event.currentTarget.value))}>
          {FOLLOW_UP_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_WORDS[status]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-due`}>Due</label>
        <input id={`${id}-due`} type="date" value={record.dueAt.slice(0, 10)} onChange={(event) => void model.setDue(event.currentTarget.value)} />
      </div>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          if (note.trim() && (await model.addNote(note.trim()))) setNote('');
        }}
      >
        <div class="field">
          <label for={`${id}-note`}>Note</label>
          <textarea id={`${id}-note`} ref={props.noteRef} aria-keyshortcuts="n" rows={3} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
        </div>
        <button type="submit" disabled={busy || !note.trim()}>
          Add note
        </button>
      </form>
    </section>
  );
}

const statusOf = (value: string): FollowUpStatus => FOLLOW_UP_STATUSES.find((status) => status === value) ?? 'new';

function Playbook({ model, canChange, isAdmin }: { model: ResponseModel; canChange: boolean; isAdmin: boolean }) {
  const steps = useValue(model.steps);
  const ticked = useValue(model.ticked);
  const playbook = useValue(model.playbook);
  const [editing, setEditing] = useState(false);
  if (!playbook) return null;
  return (
    <aside class="panel playbook" aria-labelledby="playbook-title">
      <h2 id="playbook-title">Playbook</h2>
      {editing ? (
        <PlaybookEditorForm model={model} onDone={() => setEditing(false)} />
      ) : (
        <>
          {steps.length === 0 && <p class="muted">No steps for this segment.</p>}
          <ul class="steps">
            {steps.map((step) => (
              <li key={step.id}>
                <label class="check">
                  <input type="checkbox" checked={ticked.has(step.id)} disabled={!canChange} onChange={(event) => void model.tick(step.id, event.currentTarget.checked)} /> {step.text}
                </label>
              </li>
            ))}
          </ul>
          {isAdmin && (
            <button type="button" class="link" onClick={() => setEditing(true)}>
              Edit this playbook
            </button>
          )}
        </>
      )}
    </aside>
  );
}

function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <section aria-labelledby="timeline-title" class="panel">
      <h2 id="timeline-title">Timeline</h2>
      <ol class="timeline">
        {entries.map((entry, index) => (
          <li key={index}>
            <When at={entry.at} /> <span class="muted">{entry.author ?? 'The survey'}</span> — {describe(entry)}
          </li>
        ))}
      </ol>
    </section>
  );
}

function describe(entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'created':
      return 'Answered the survey';
    case 'status':
      return `Status ${STATUS_WORDS[entry.from] ?? entry.from} → ${STATUS_WORDS[entry.to] ?? entry.to}`;
    case 'owner':
      return `Owner ${entry.from ?? 'nobody'} → ${entry.to ?? 'nobody'}`;
    case 'due':
      return `Due ${entry.from.slice(0, 10)} → ${entry.to.slice(0, 10)}`;
    case 'note':
      return `Note: ${entry.note}`;
    case 'step':
      return `${entry.done ? 'Done' : 'Not done'}: ${entry.text}`;
    default:
      return 'Changed';
  }
}
