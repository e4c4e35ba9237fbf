import { useEffect, useId } from 'preact/hooks';
import { createTeamSettings, SLA_DAYS } from '../models/settings-team.ts';
import { useApp } from './context.ts';
import { Field } from './field.tsx';
import { ErrorNote, StatusNote } from './notice.tsx';
import { useModel, useValue } from './use-value.ts';
import { failureText } from './words.ts';

/** The team's name and follow-up SLA: a form for admins, the values for everyone else. */
export function TeamSettingsPanel(props: { editable: boolean }) {
  const { client, session } = useApp();
  const settings = useModel(() => createTeamSettings({ client }));
  useEffect(() => void settings.load(), [settings]);
  const team = useValue(settings.team);
  const slaDays = useValue(settings.slaDays);
  const slaError = useValue(settings.slaError);
  const nameError = useValue(settings.nameError);
  const saving = useValue(settings.saving);
  const saved = useValue(settings.saved);
  const loadFailure = useValue(settings.loadFailure);
  const saveFailure = useValue(settings.saveFailure);
  const slaId = useId();
  return (
    <section class="panel" aria-labelledby="team-settings-title">
      <h2 id="team-settings-title">Team</h2>
      {loadFailure && <ErrorNote>{failureText(loadFailure, 'load the team’s settings')}</ErrorNote>}
      {team && !props.editable && (
        <dl class="facts">
          <dt>Name</dt>
          <dd>{team.name}</dd>
          <dt>Follow-up time</dt>
          <dd>{days(team.slaDays)} after a response arrives</dd>
        </dl>
      )}
      {team && props.editable && (
        <form
          class="inline-form"
          // The model's own messages say what is wrong (the browser's bubble for min/max says less).
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            // The team's name is in the header too: read it again once changed.
            void settings.save().then((answer) => answer && session.load());
          }}
        >
          <Field label="Team name" value={settings.name} autoComplete="organization" required maxLength={200} error={nameError ? 'Give the team a name.' : undefined} />
          <div class="field field-narrow">
            <label for={slaId}>Follow-up time (days)</label>
            <input
              id={slaId}
              type="number"
              inputMode="numeric"
              min={SLA_DAYS.min}
              max={SLA_DAYS.max}
              step={1}
              required
              value={slaDays}
              class="number"
              aria-invalid={slaError ? 'true' : undefined}
              aria-describedby={`${slaId}-hint${slaError ? ` ${slaId}-error` : ''}`}
              onInput={(event) => (settings.slaDays.value = event.currentTarget.value)}
            />
            <p class="hint" id={`${slaId}-hint`}>
              A new response is due this long after it arrives; then it is overdue.
            </p>
            {slaError && (
              <p class="field-error" id={`${slaId}-error`}>
                {slaError === 'not_a_number' ? 'Use a whole number of days.' : `Use ${SLA_DAYS.min} to ${SLA_DAYS.max} days.`}
              </p>
            )}
          </div>
          <button class="primary" type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save team'}
          </button>
        </form>
      )}
      {saveFailure && <ErrorNote>{failureText(saveFailure, 'save the team’s settings')}</ErrorNote>}
      {saved && <StatusNote>Saved. New responses are due {days(team?.slaDays ?? 0)} after they arrive.</StatusNote>}
    </section>
  );
}

const days = (count: number) => (count === 1 ? '1 day' : `${count} days`);
