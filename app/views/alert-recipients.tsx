import { useEffect } from 'preact/hooks';
import type { Failure } from '../models/failure.ts';
import { createAlertRecipients, splitAddresses } from '../models/alert-recipients.ts';
import { useApp } from './context.ts';
import { ErrorNote, StatusNote } from './notice.tsx';
import { useModel, useValue } from './use-value.ts';
import { failureText } from './words.ts';

/** (admin) Who gets new-detractor alerts of responses nobody owns: the admins, or a list of addresses. */
export function AlertRecipientsPanel() {
  const { client } = useApp();
  const model = useModel(() => createAlertRecipients({ client }));
  useEffect(() => void model.load(), [model]);
  const mode = useValue(model.mode);
  const text = useValue(model.text);
  const loaded = useValue(model.loaded);
  const saving = useValue(model.saving);
  const saved = useValue(model.saved);
  const loadFailure = useValue(model.loadFailure);
  const saveFailure = useValue(model.saveFailure);
  return (
    <section class="panel" aria-labelledby="alert-recipients-title">
      <h2 id="alert-recipients-title">Team alerts</h2>
      <p class="hint">When a detractor answers and nobody owns the response yet, these people get an alert. The owner of a response always gets theirs.</p>
      {loadFailure && <ErrorNote>{failureText(loadFailure, 'load who gets alerts')}</ErrorNote>}
      {loaded && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void model.save();
          }}
        >
          <fieldset class="field choice">
            <legend>Send new-detractor alerts to</legend>
            <label class="radio">
              <input type="radio" name="alert-mode" checked={mode === 'admins'} onChange={() => (model.mode.value = 'admins')} /> <span>The team’s admins</span>
            </label>
            <label class="radio">
              <input type="radio" name="alert-mode" checked={mode === 'list'} onChange={() => (model.mode.value = 'list')} /> <span>These addresses</span>
            </label>
          </fieldset>
          {mode === 'list' && (
            <div class="field">
              <label for="alert-emails">Addresses</label>
              <textarea id="alert-emails" rows={3} value={text} onInput={(event) => (model.text.value = event.currentTarget.value)} aria-describedby="alert-emails-hint" />
              <p class="hint" id="alert-emails-hint">
                One a line, or separated by commas. A shared inbox works well.
              </p>
            </div>
          )}
          {saveFailure && <ErrorNote>{addressesText(saveFailure, text) ?? failureText(saveFailure, 'save who gets alerts')}</ErrorNote>}
          {saved && <StatusNote>Saved.</StatusNote>}
          <button type="submit" class="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </form>
      )}
    </section>
  );
}

/** Which typed addresses were refused, by what was typed (the SDK names them by position). */
function addressesText(failure: Failure, text: string): string | undefined {
  if (failure.kind !== 'invalid' && failure.kind !== 'http') return undefined;
  const typed = splitAddresses(text);
  if (typed.length === 0 && failure.issues.some((issue) => issue.path === 'emails')) return 'Type at least one address, or choose the team’s admins.';
  const bad = failure.issues.flatMap((issue) => {
    const match = /^emails\.(\d+)$/.exec(issue.path);
    const address = match ? typed[Number(match[1])] : undefined;
    return address === undefined ? [] : [`“${address}”`];
  });
  return bad.length > 0 ? `Not an email address: ${bad.join(', ')}. Check the spelling.` : undefined;
}
