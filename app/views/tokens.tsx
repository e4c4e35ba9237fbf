import { useEffect } from 'preact/hooks';
import { TOKEN_SCOPES, type ApiToken } from '../../sdk/index.ts';
import { createTokens, type Tokens } from '../models/tokens.ts';
import { useApp } from './context.ts';
import { CopyField } from './copy-field.tsx';
import { Field } from './field.tsx';
import { ErrorNote } from './notice.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { useModel, useValue } from './use-value.ts';
import { When } from './when.tsx';
import { failureText } from './words.ts';

const SCOPE_WORDS: Record<ApiToken['scope'], { label: string; hint: string }> = {
  read: { label: 'Read', hint: 'responses, stats and exports' },
  write: { label: 'Write', hint: 'also changes follow-ups and adds notes' },
};

/** (admin) API tokens: create one (its secret shown once), see when each was last used, revoke. */
export function TokensScreen() {
  const { client, platform } = useApp();
  const tokens = useModel(() => createTokens({ client, now: platform.now }));
  useEffect(() => void tokens.load(), [tokens]);
  const scope = useValue(tokens.scope);
  const created = useValue(tokens.created);
  const creating = useValue(tokens.creating);
  const createFailure = useValue(tokens.createFailure);
  const loadFailure = useValue(tokens.loadFailure);
  const revokeFailure = useValue(tokens.revokeFailure);
  const sorted = useValue(tokens.sorted);
  return (
    <>
      <ScreenHeading title="API tokens" />
      <p class="lede">Tokens let your own scripts and tools read responses (and, with write, follow up) through the API. Send one as <code>Authorization: Bearer sk_…</code>.</p>
      <section class="panel" aria-labelledby="new-token-title">
        <h2 id="new-token-title">New token</h2>
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void tokens.create();
          }}
        >
          <Field label="Name" value={tokens.name} autoComplete="off" required maxLength={100} hint="What uses it, e.g. “Zapier” or “Nightly export”." />
          <fieldset class="field choice">
            <legend>Access</legend>
            {TOKEN_SCOPES.map((option) => (
              <label key={option} class="radio">
                <input type="radio" name="scope" value={option} checked={scope === option} onChange={() => (tokens.scope.value = option)} />
                <span>
                  <strong>{SCOPE_WORDS[option].label}</strong> <span class="muted">{SCOPE_WORDS[option].hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <button class="primary" type="submit" disabled={creating}>
            {creating ? 'Creating…' : 'Create token'}
          </button>
        </form>
        {createFailure && <ErrorNote>{failureText(createFailure, 'create the token')}</ErrorNote>}
        {created && (
          <div class="handover secret" role="region" aria-label="New token’s secret">
            <p class="warning">
              <strong>Copy this secret now.</strong> It will not be shown again: only a hash of it is kept.
            </p>
            <CopyField label={`Secret of “${created.token.name}”`} value={created.secret} />
            <button type="button" onClick={tokens.dismissCreated}>
              I have copied it
            </button>
          </div>
        )}
      </section>
      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title">Tokens</h2>
        {loadFailure && <ErrorNote>{failureText(loadFailure, 'load the tokens')}</ErrorNote>}
        {revokeFailure && <ErrorNote>{failureText(revokeFailure, 'revoke the token')}</ErrorNote>}
        {sorted.length === 0 && !loadFailure && <p class="empty">No tokens yet.</p>}
        <ul class="rows">
          {sorted.map((token) => (
            <TokenRow key={token.id} token={token} model={tokens} />
          ))}
        </ul>
      </section>
    </>
  );
}

function TokenRow({ token, model }: { token: ApiToken; model: Tokens }) {
  const confirming = useValue(model.confirmingRevoke) === token.id;
  return (
    <li class={token.revokedAt ? 'row revoked' : 'row'}>
      <div class="row-main">
        <p class="row-title">
          {token.name} <span class="badge">{SCOPE_WORDS[token.scope].label}</span>
          {token.revokedAt && <span class="badge badge-warn">Revoked</span>}
        </p>
        <p class="muted">
          Created <When at={token.createdAt} />
          {model.creatorName(token) && ` by ${model.creatorName(token)}`} · {token.lastUsedAt ? <>last used <When at={token.lastUsedAt} /></> : 'never used'}
        </p>
      </div>
      {!token.revokedAt &&
        (confirming ? (
          <div class="row-actions confirm" role="group" aria-label={`Revoke ${token.name}?`}>
            <span>Anything using it stops working at once.</span>
            <button type="button" class="danger" onClick={() => void model.confirmRevoke()}>
              Revoke
            </button>
            <button type="button" onClick={model.cancelRevoke}>
              Cancel
            </button>
          </div>
        ) : (
          <div class="row-actions">
            <button type="button" class="danger-quiet" onClick={() => model.askRevoke(token.id)} aria-label={`Revoke ${token.name}`}>
              Revoke
            </button>
          </div>
        ))}
    </li>
  );
}
