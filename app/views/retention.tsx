import { useEffect, useId } from 'preact/hooks';
import { createRetention } from '../models/retention.ts';
import { useApp } from './context.ts';
import { ErrorNote, StatusNote } from './notice.tsx';
import { useModel, useValue } from './use-value.ts';
import { failureText } from './words.ts';

/** A site's retention: read by everyone, changed by admins (SPEC §13). */
export function RetentionForm(props: { siteId: string; siteName: string; editable: boolean }) {
  const { client } = useApp();
  const id = useId();
  const model = useModel(() => createRetention({ client, siteId: props.siteId }), [props.siteId]);
  useEffect(() => void model.load(), [model]);
  const current = useValue(model.current);
  const days = useValue(model.days);
  const mode = useValue(model.mode);
  const saved = useValue(model.saved);
  const busy = useValue(model.busy);
  const failure = useValue(model.failure);
  if (!current) return null;
  const said = current.days === null ? 'Responses are kept until someone erases them.' : `Responses older than ${current.days} days are ${current.mode === 'delete' ? 'deleted' : 'anonymised (the score stays for the trend)'}, every day.`;
  if (!props.editable) return <p class="muted">{said}</p>;
  return (
    <form
      class="retention"
      aria-label={`Retention of ${props.siteName}`}
      onSubmit={(event) => {
        event.preventDefault();
        void model.save();
      }}
    >
      <p class="muted">{said}</p>
      <label for={`${id}-days`}>Keep responses for (days; empty: for ever)</label>
      <input id={`${id}-days`} class="number" inputMode="numeric" value={days} onInput={(event) => (model.days.value = event.currentTarget.value)} />
      <label for={`${id}-mode`}>Then</label>
      <select id={`${id}-mode`} value={mode} onChange={(event) => (model.mode.value = event.currentTarget.value === 'delete' ? 'delete' : 'anonymise')}>
        <option value="anonymise">anonymise them</option>
        <option value="delete">delete them</option>
      </select>{' '}
      <button type="submit" disabled={busy}>
        Save retention
      </button>
      {saved && <StatusNote>Retention saved.</StatusNote>}
      {failure && <ErrorNote>{failureText(failure, 'save the retention')}</ErrorNote>}
    </form>
  );
}
