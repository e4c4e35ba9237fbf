import { useEffect, useState } from 'preact/hooks';
import type { Change } from '../../sdk/index.ts';
import { createChanges, type Changes } from '../models/changes.ts';
import { useApp } from './context.ts';
import { Field } from './field.tsx';
import { useFocusOnShow } from './focus-on-show.ts';
import { ErrorNote, StatusNote } from './notice.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { useModel, useValue } from './use-value.ts';
import { When } from './when.tsx';
import { counted, failureText } from './words.ts';

/** Close the loop: what the team changed because customers asked, linked to their responses, and published to them. */
export function ChangesScreen() {
  const { client, session } = useApp();
  const changes = useModel(() => createChanges({ client }));
  useEffect(() => void changes.load(), [changes]);
  const me = useValue(session.me);
  const canChange = me?.role === 'admin' || me?.role === 'member';
  const items = useValue(changes.items);
  const loaded = useValue(changes.loaded);
  const creating = useValue(changes.creating);
  const createFailure = useValue(changes.createFailure);
  const loadFailure = useValue(changes.loadFailure);
  const failure = useValue(changes.failure);
  const published = useValue(changes.published);
  const body = useValue(changes.body);
  return (
    <>
      <ScreenHeading title="Changes" />
      <p class="lede">Tell customers what you changed because they asked. Link a change to the responses that asked for it; publishing emails those who can be reached, shows the others a notice in the widget, and resolves the follow-ups.</p>
      {canChange && (
        <section class="panel" aria-labelledby="new-change-title">
          <h2 id="new-change-title">New change</h2>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void changes.create();
            }}
          >
            <Field label="Title" value={changes.title} required maxLength={200} hint="What changed, in your customers’ words, e.g. “Exports are now 3× faster”." />
            <div class="field">
              <label for="change-body">What to tell them</label>
              <textarea id="change-body" rows={4} required maxLength={5000} value={body} onInput={(event) => (changes.body.value = event.currentTarget.value)} />
            </div>
            {createFailure && <ErrorNote>{failureText(createFailure, 'record the change')}</ErrorNote>}
            <button class="primary" type="submit" disabled={creating}>
              {creating ? 'Saving…' : 'Save as draft'}
            </button>
          </form>
        </section>
      )}
      <section aria-labelledby="changes-title">
        <h2 id="changes-title">Changes</h2>
        {loadFailure && <ErrorNote>{failureText(loadFailure, 'load the changes')}</ErrorNote>}
        {failure && <ErrorNote>{failureText(failure, 'do that')}</ErrorNote>}
        {published && (
          <StatusNote>
            {published.published
              ? `Published “${published.change.title}”: ${counted(published.emailed, 'respondent', 'respondents')} emailed, ${counted(published.notices, 'notice', 'notices')} queued, ${counted(published.resolved, 'follow-up', 'follow-ups')} resolved.`
              : `“${published.change.title}” was already published: nothing was sent again.`}
          </StatusNote>
        )}
        {loaded && items.length === 0 && <p class="empty">No changes yet.</p>}
        <ul class="rows">
          {items.map((change) => (
            <ChangeRow key={change.id} change={change} model={changes} canChange={canChange} />
          ))}
        </ul>
      </section>
    </>
  );
}

function ChangeRow({ change, model, canChange }: { change: Change; model: Changes; canChange: boolean }) {
  const [linking, setLinking] = useState(false);
  const [ids, setIds] = useState('');
  const confirming = useValue(model.confirming);
  const linked = useValue(model.linked);
  const busy = useValue(model.busy);
  const draft = change.publishedAt === null;
  const preview = confirming?.id === change.id ? confirming.preview : undefined;
  const cancel = useFocusOnShow<HTMLButtonElement>(confirming?.id === change.id);
  return (
    <li class="row change" data-id={change.id}>
      <div class="row-main">
        <p class="row-title">
          {change.title} {draft ? <span class="badge badge-warn">Draft</span> : <span class="badge badge-ok">Published</span>}
        </p>
        <p class="muted">
          {counted(change.responseIds.length, 'linked response', 'linked responses')} · by {change.createdBy} <When at={change.createdAt} />
          {change.publishedAt && (
            <>
              {' '}
              · published <When at={change.publishedAt} />
            </>
          )}
        </p>
        <p class="change-body">{change.body}</p>
        {linked?.id === change.id && <p class="hint" role="status">{linked.added === 0 ? 'No new responses to link.' : `Linked ${counted(linked.added, 'more response', 'more responses')}.`}</p>}
      </div>
      {canChange && draft && (
        <div class="row-actions">
          <button type="button" aria-expanded={linking} onClick={() => setLinking(!linking)} aria-label={`Link responses to “${change.title}”`}>
            Link responses
          </button>
          <button type="button" class="primary" disabled={busy || confirming?.id === change.id} onClick={() => void model.askPublish(change.id)} aria-label={`Publish “${change.title}”`}>
            Publish
          </button>
        </div>
      )}
      {linking && draft && (
        <form
          class="row-full inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void model.linkIds(change.id, ids).then(() => setIds(''));
          }}
        >
          <div class="field">
            <label for={`link-${change.id}`}>Response ids</label>
            <textarea id={`link-${change.id}`} rows={2} value={ids} onInput={(event) => setIds(event.currentTarget.value)} aria-describedby={`link-${change.id}-hint`} />
            <p class="hint" id={`link-${change.id}-hint`}>
              Paste ids, one a line or separated by commas. From the inbox, “Link to a change” links every response of the current filter.
            </p>
          </div>
          <button type="submit" disabled={busy || ids.trim() === ''}>
            Link
          </button>
        </form>
      )}
      {confirming?.id === change.id && (
        <div class="row-full confirm-box" role="group" aria-label={`Publish “${change.title}”?`}>
          {preview ? (
            <p>
              Publishing emails <strong>{counted(preview.emailed, 'respondent', 'respondents')}</strong>, shows <strong>{counted(preview.noticed, 'identified respondent', 'identified respondents')}</strong> a notice in
              the widget, and resolves <strong>{counted(preview.resolved, 'follow-up', 'follow-ups')}</strong>.{preview.unknown > 0 && ` ${counted(preview.unknown, 'linked response', 'linked responses')} could not be counted.`} It
              cannot be undone.
            </p>
          ) : (
            <p role="status">Counting who will hear about it…</p>
          )}
          <div class="actions">
            <button type="button" class="primary" disabled={!preview || busy} onClick={() => void model.confirmPublish()}>
              Publish now
            </button>
            <button type="button" ref={cancel} onClick={model.cancelPublish}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
