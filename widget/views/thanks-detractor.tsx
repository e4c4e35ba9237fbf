import { useView } from './use-view.ts';

/** An apology, where the feedback goes, optional consent to be contacted, optional support link. */
export function DetractorThanks() {
  const { model, t, idPrefix } = useView();
  const { contactConsent, supportUrl } = model.config;
  const identifiedEmail = model.identity?.email;
  const consenting = model.contactConsent.value;
  return (
    <div>
      <p>{t.detractorText}</p>
      {contactConsent &&
        (model.extraSent.value ? (
          <p>{t.contactSent}</p>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (consenting) model.actions.submitExtra();
            }}
          >
            <label class="consent">
              <input type="checkbox" checked={consenting} onChange={(event) => model.actions.setContactConsent(event.currentTarget.checked)} />
              <span>{t.contactConsent}</span>
            </label>
            {consenting && (
              <label class="field">
                {t.emailLabel}
                <input
                  type="email"
                  id={`${idPrefix}-email`}
                  autoComplete="email"
                  required={!identifiedEmail}
                  readOnly={Boolean(identifiedEmail)}
                  value={identifiedEmail ?? model.contactEmail.value}
                  onInput={(event) => model.actions.editContactEmail(event.currentTarget.value)}
                />
              </label>
            )}
            {consenting && (
              <div class="actions">
                <button type="submit" class="button">
                  {t.send}
                </button>
              </div>
            )}
          </form>
        ))}
      {supportUrl && (
        <div class="links">
          <a class="button secondary" href={supportUrl} target="_blank" rel="noopener">
            {t.support}
          </a>
        </div>
      )}
    </div>
  );
}
