import { createPrivacy, ERASE_BY, type EraseBy } from '../models/privacy.ts';
import { useApp } from './context.ts';
import { Field } from './field.tsx';
import { ErrorNote, StatusNote } from './notice.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { useModel, useValue } from './use-value.ts';
import { erasedText, failureText } from './words.ts';

const BY_WORDS: Record<EraseBy, { label: string; field: string; hint: string }> = {
  email: { label: 'Email', field: 'Email address', hint: 'Their identified email, or the contact email they gave.' },
  userId: { label: 'User id', field: 'User id', hint: 'The id your site passes to identify.' },
  anonymousId: { label: 'Anonymous id', field: 'Anonymous id', hint: 'The browser’s id, shown on a response.' },
};

/** (admin) Privacy: erase a person’s responses, notes, notices and queued mail from the team’s sites. */
export function PrivacyScreen() {
  const { client } = useApp();
  const privacy = useModel(() => createPrivacy({ client }));
  const by = useValue(privacy.by);
  const confirming = useValue(privacy.confirming);
  const erasing = useValue(privacy.erasing);
  const failure = useValue(privacy.failure);
  const erased = useValue(privacy.erased);
  const who = useValue(privacy.who);
  return (
    <>
      <ScreenHeading title="Privacy" />
      <p class="lede">When someone asks to be forgotten, erase them here: every response of theirs on your team’s sites, with its notes and timeline, notices waiting for them and mail not yet sent.</p>
      <section class="panel" aria-labelledby="erase-title">
        <h2 id="erase-title">Erase a person</h2>
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            privacy.ask();
          }}
        >
          <fieldset class="field choice">
            <legend>Find them by</legend>
            {ERASE_BY.map((option) => (
              <label key={option} class="radio">
                <input type="radio" name="erase-by" value={option} checked={by === option} onChange={() => (privacy.by.value = option)} />
                <span>{BY_WORDS[option].label}</span>
              </label>
            ))}
          </fieldset>
          <Field label={BY_WORDS[by].field} value={privacy.value} type={by === 'email' ? 'email' : 'text'} autoComplete="off" required maxLength={256} hint={BY_WORDS[by].hint} />
          <button class="danger-quiet" type="submit" disabled={erasing || confirming !== undefined}>
            Erase…
          </button>
        </form>
        {confirming && (
          <div class="row-actions confirm" role="group" aria-label={`Erase ${who}?`}>
            <span>
              Erase everything of <strong>{who}</strong>? This cannot be undone.
            </span>
            <button type="button" class="danger" disabled={erasing} onClick={() => void privacy.confirm()}>
              {erasing ? 'Erasing…' : 'Erase'}
            </button>
            <button type="button" onClick={privacy.cancel}>
              Cancel
            </button>
          </div>
        )}
        {failure && <ErrorNote>{failureText(failure, 'erase this person')}</ErrorNote>}
        {erased && <StatusNote>{erasedText(erased.who, erased.counts)}</StatusNote>}
      </section>
    </>
  );
}
