import { useId, useState } from 'preact/hooks';
import { createPlaybookEditor, type PlaybookEditor } from '../models/playbook-editor.ts';
import type { ResponseModel } from '../models/response.ts';
import { useApp } from './context.ts';
import { ErrorNote } from './notice.tsx';
import { useModel, useValue } from './use-value.ts';
import { failureText } from './words.ts';

const SEGMENT_WORDS = { detractor: 'detractors', passive: 'passives', promoter: 'promoters' } as const;

/** An admin's editor of the segment's playbook, in place of its checklist until saved or cancelled. */
export function PlaybookEditorForm(props: { model: ResponseModel; onDone: () => void }) {
  const { client } = useApp();
  const playbook = useValue(props.model.playbook);
  const editor = useModel(
    () =>
      createPlaybookEditor({
        client,
        playbook: playbook ?? { segment: 'detractor', steps: [], custom: false },
        onSaved: (saved) => {
          props.model.replacePlaybook(saved);
          props.onDone();
        },
      }),
    [playbook?.segment],
  );
  const steps = useValue(editor.steps);
  const busy = useValue(editor.busy);
  const failure = useValue(editor.failure);
  const [text, setText] = useState('');
  const id = useId();
  return (
    <form
      class="playbook-editor"
      aria-label={`Edit the playbook for ${SEGMENT_WORDS[editor.segment]}`}
      onSubmit={(event) => {
        event.preventDefault();
        void editor.save();
      }}
    >
      <ol class="steps">
        {steps.map((step, index) => (
          <li key={step.id}>
            <div class="field">
              <label for={`${id}-${step.id}`}>Step {index + 1}</label>
              <input id={`${id}-${step.id}`} type="text" value={step.text} maxLength={300} required onInput={(event) => editor.setText(index, event.currentTarget.value)} />
            </div>
            {editor.advocacy && (
              <label class="check">
                <input type="checkbox" checked={step.advocacy === true} onChange={(event) => editor.setAdvocacy(index, event.currentTarget.checked)} /> Asks for a referral or review
              </label>
            )}
            <span class="step-tools">
              <button type="button" class="link" aria-label={`Move step ${index + 1} up`} disabled={index === 0} onClick={() => moveFocused(editor, index, -1)}>
                Up
              </button>{' '}
              <button type="button" class="link" aria-label={`Move step ${index + 1} down`} disabled={index === steps.length - 1} onClick={() => moveFocused(editor, index, 1)}>
                Down
              </button>{' '}
              <button type="button" class="link" aria-label={`Remove step ${index + 1}`} onClick={() => editor.remove(index)}>
                Remove
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div class="field">
        <label for={`${id}-new`}>New step</label>
        <input id={`${id}-new`} type="text" value={text} maxLength={300} onInput={(event) => setText(event.currentTarget.value)} />
      </div>
      <p class="actions">
        <button
          type="button"
          onClick={() => {
            editor.add(text);
            setText('');
          }}
        >
          Add step
        </button>{' '}
        <button type="submit" disabled={busy}>
          Save playbook
        </button>{' '}
        <button type="button" class="link" onClick={props.onDone}>
          Cancel
        </button>
      </p>
      {!editor.advocacy && <p class="hint">Only the promoters’ playbook may ask for a referral or a review.</p>}
      {failure && <ErrorNote>{failureText(failure, 'save the playbook')}</ErrorNote>}
    </form>
  );
}

/**
 * Moves a step and keeps the keyboard with it: the same button of the step's new place takes the
 * focus (its label names the new number), or the other one when the step reached an end.
 */
function moveFocused(editor: PlaybookEditor, index: number, by: -1 | 1) {
  editor.move(index, by);
  const to = index + by;
  const last = editor.steps.value.length - 1;
  const direction = (to === 0 && by === -1) || (to === last && by === 1) ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down';
  requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`button[aria-label="Move step ${to + 1} ${direction}"]`)?.focus());
}
