import { useEffect } from 'preact/hooks';
import type { MailPreferences } from '../../sdk/index.ts';
import { createMailPreferences } from '../models/mail-preferences.ts';
import { AlertRecipientsPanel } from './alert-recipients.tsx';
import { useApp } from './context.ts';
import { ErrorNote } from './notice.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { useModel, useValue } from './use-value.ts';
import { failureText } from './words.ts';

const PREFERENCE_WORDS: Record<keyof MailPreferences, { label: string; hint: string }> = {
  newDetractor: { label: 'New detractors', hint: 'An email when a detractor answers: for responses you own, and for unowned ones when you get the team’s alerts.' },
  digest: { label: 'Daily digest', hint: 'Once a day: new responses by segment, how the NPS moved, overdue follow-ups.' },
  reminders: { label: 'Reminders', hint: 'Your follow-ups due tomorrow, and those that just became overdue.' },
};
const KEYS = ['newDetractor', 'digest', 'reminders'] as const;

/** My notifications (anyone): which mail I get from this team; for admins, also who gets the team's alerts. */
export function NotificationsScreen() {
  const { client, session } = useApp();
  const model = useModel(() => createMailPreferences({ client }));
  useEffect(() => void model.load(), [model]);
  const preferences = useValue(model.preferences);
  const saving = useValue(model.saving);
  const saved = useValue(model.saved);
  const loadFailure = useValue(model.loadFailure);
  const saveFailure = useValue(model.saveFailure);
  const isAdmin = useValue(session.isAdmin);
  return (
    <>
      <ScreenHeading title="Notifications" />
      <p class="lede">Which mail you get from this team. It is saved as soon as you change it.</p>
      <section class="panel" aria-labelledby="my-mail-title">
        <h2 id="my-mail-title">My mail</h2>
        {loadFailure && <ErrorNote>{failureText(loadFailure, 'load your preferences')}</ErrorNote>}
        {preferences && (
          <ul class="toggles">
            {KEYS.map((key) => (
              <li key={key}>
                <label class="check">
                  <input type="checkbox" checked={preferences[key]} disabled={saving} onChange={(event) => void model.set(key, event.currentTarget.checked)} aria-describedby={`pref-${key}-hint`} />{' '}
                  <strong>{PREFERENCE_WORDS[key].label}</strong>
                </label>
                <p class="hint" id={`pref-${key}-hint`}>
                  {PREFERENCE_WORDS[key].hint}
                </p>
              </li>
            ))}
          </ul>
        )}
        {saveFailure && <ErrorNote>{failureText(saveFailure, 'save your preferences')}</ErrorNote>}
        <p class="hint" role="status">
          {saved ? `Saved: ${PREFERENCE_WORDS[saved].label.toLowerCase()} ${preferences?.[saved] ? 'on' : 'off'}.` : ''}
        </p>
      </section>
      {isAdmin && <AlertRecipientsPanel />}
    </>
  );
}
