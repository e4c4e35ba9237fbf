import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SavedView } from '../../sdk/index.ts';
import type { Inbox } from '../models/inbox.ts';
import { useApp } from './context.ts';
import { formatCount } from './format.ts';
import { ErrorNote } from './notice.tsx';
import { useValue } from './use-value.ts';
import { failureText } from './words.ts';

/** The built-in views and the team's, with counts; the current filters saved as a new one. */
export function SavedViews({ inbox }: { inbox: Inbox }) {
  const { session } = useApp();
  const me = useValue(session.me);
  const views = useValue(inbox.views);
  const params = useValue(inbox.params);
  const failure = useValue(inbox.viewFailure);
  const loadFailure = useValue(inbox.viewsFailure);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<string | undefined>(undefined);
  // The focus goes back to a view's "Rename" once its field closes (the button is drawn again).
  const renameButtons = useRef(new Map<string, HTMLButtonElement>());
  const stopRenaming = (id: string) => {
    setRenaming(undefined);
    requestAnimationFrame(() => renameButtons.current.get(id)?.focus());
  };
  const canSave = me?.role === 'admin' || me?.role === 'member';
  // The view whose filters are the current ones; "this week" moves with the clock, so `from` only needs to be there.
  const same = (query: Record<string, string>) => {
    const keys = Object.keys(query);
    return keys.length === Object.keys(params).length && keys.every((key) => (key === 'from' ? key in params : params[key] === query[key]));
  };
  return (
    <nav class="views" aria-label="Saved views">
      <ul>
        {views.map((view) => (
          <li key={view.id}>
            <button type="button" class="view" aria-pressed={same(view.query)} onClick={() => void inbox.setFilters(view.query)}>
              {view.name} <span class="badge">{view.count === null ? '—' : formatCount(view.count)}</span>
            </button>
            {!view.builtIn && canSave && renaming === view.id && <RenameView inbox={inbox} view={view} onDone={() => stopRenaming(view.id)} />}
            {!view.builtIn && canSave && renaming !== view.id && (
              <>
                <button type="button" class="link" ref={(button) => void (button ? renameButtons.current.set(view.id, button) : renameButtons.current.delete(view.id))} aria-label={`Rename the view ${view.name}`} onClick={() => setRenaming(view.id)}>
                  Rename
                </button>{' '}
                <button type="button" class="link" aria-label={`Delete the view ${view.name}`} onClick={() => void inbox.deleteView(view.id)}>
                  Delete
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {canSave && (
        <form
          class="save-view"
          onSubmit={async (event) => {
            event.preventDefault();
            if (name.trim() && (await inbox.saveView(name.trim()))) setName('');
          }}
        >
          <label for="view-name">Save these filters as</label>
          <input id="view-name" type="text" value={name} maxLength={80} onInput={(event) => setName(event.currentTarget.value)} />
          <button type="submit">Save view</button>
        </form>
      )}
      {loadFailure && <ErrorNote>{failureText(loadFailure, 'load the saved views')}</ErrorNote>}
      {failure && <ErrorNote>{failureText(failure, 'change the saved views')}</ErrorNote>}
    </nav>
  );
}

/** A team view's name in a field, saved on Enter, left unchanged on Esc or Cancel. */
function RenameView(props: { inbox: Inbox; view: SavedView; onDone: () => void }) {
  const [name, setName] = useState(props.view.name);
  const id = useId();
  const field = useRef<HTMLInputElement | null>(null);
  // Before the first paint: keys typed right after "Rename" land in the field, not before it.
  useLayoutEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  const done = props.onDone;
  return (
    <form
      class="save-view"
      onSubmit={async (event) => {
        event.preventDefault();
        if (name.trim() && (await props.inbox.renameView(props.view.id, name.trim()))) done();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        done();
      }}
    >
      <label for={id}>New name for {props.view.name}</label>
      <input ref={field} id={id} type="text" value={name} maxLength={80} required onInput={(event) => setName(event.currentTarget.value)} />
      <button type="submit">Save name</button>{' '}
      <button type="button" class="link" onClick={done}>
        Cancel
      </button>
    </form>
  );
}
