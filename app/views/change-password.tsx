import { useEffect, useRef } from 'preact/hooks';
import { createChangePasswordForm } from '../models/change-password-form.ts';
import { useApp } from './context.ts';
import { Field } from './field.tsx';
import { ErrorNote, StatusNote } from './notice.tsx';
import { useModel, useValue } from './use-value.ts';
import { failureText, passwordProblemText, passwordRulesText } from './words.ts';

/** Change password, in a modal `<dialog>` (the browser keeps focus inside and Escape closes it). */
export function ChangePasswordDialog(props: { onClose: () => void }) {
  const { client } = useApp();
  const form = useModel(() => createChangePasswordForm({ client }));
  const dialog = useRef<HTMLDialogElement>(null);
  const busy = useValue(form.busy);
  const done = useValue(form.done);
  const problem = useValue(form.problem);
  const failure = useValue(form.failure);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal?.();
  }, []);
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby="change-password-title" onClose={props.onClose}>
      <h2 id="change-password-title">Change password</h2>
      {done ? (
        <>
          <StatusNote>Your password is changed. Every other session is signed out; this one stays.</StatusNote>
          <div class="actions">
            <button class="primary" type="button" onClick={() => dialog.current?.close()}>
              Done
            </button>
          </div>
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void form.submit();
          }}
        >
          <Field label="Current password" type="password" value={form.current} autoComplete="current-password" required maxLength={256} />
          <Field label="New password" type="password" value={form.next} autoComplete="new-password" required maxLength={256} hint={passwordRulesText} error={problem && passwordProblemText(problem)} />
          {failure && <ErrorNote>{failure.kind === 'http' && failure.status === 400 ? 'The current password is not right.' : failureText(failure, 'change the password')}</ErrorNote>}
          <div class="actions">
            <button class="primary" type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Change password'}
            </button>
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
