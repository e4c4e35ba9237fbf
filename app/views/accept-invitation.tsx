import { useEffect } from 'preact/hooks';
import { createAcceptInvitation } from '../models/accept-invitation.ts';
import { useApp } from './context.ts';
import { Field } from './field.tsx';
import { ErrorNote } from './notice.tsx';
import { PublicLayout } from './public-layout.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { useModel, useValue } from './use-value.ts';
import { failureText, linkFailureText, passwordProblemText, passwordRulesText, ROLE_WORDS } from './words.ts';

/** `/invite?token=…`: join a team; someone new chooses a name and password and is signed in. */
export function AcceptInvitationScreen(props: { token: string | undefined }) {
  const { client, session, router, signInEmail } = useApp();
  const model = useModel(
    () =>
      createAcceptInvitation({
        client,
        token: props.token,
        onSignedIn: async () => {
          await session.load();
          router.replace({ screen: 'inbox' });
        },
        onAccepted: async (email) => {
          await session.load();
          if (session.access.peek().state === 'signed-in') return router.replace({ screen: 'inbox' });
          signInEmail.value = email;
          router.replace({ screen: 'sign-in' });
        },
      }),
    [props.token],
  );
  useEffect(() => void model.load(), [model]);
  const invitation = useValue(model.invitation);
  const lookupFailure = useValue(model.lookupFailure);
  const busy = useValue(model.busy);
  const problem = useValue(model.problem);
  const failure = useValue(model.failure);
  return (
    <PublicLayout>
      <ScreenHeading title={invitation ? `Join ${invitation.teamName}` : 'Join your team'} />
      {!model.hasToken && <ErrorNote>This link is incomplete. Open the link you were sent again, or ask an admin for a new one.</ErrorNote>}
      {lookupFailure && <ErrorNote>{linkFailureText(lookupFailure, 'invitation')}</ErrorNote>}
      {model.hasToken && !invitation && !lookupFailure && <p class="lede">Opening your invitation…</p>}
      {invitation && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void model.submit();
          }}
        >
          <p class="lede">
            You are invited to <strong>{invitation.teamName}</strong> as {ROLE_WORDS[invitation.role].label.toLowerCase()} ({ROLE_WORDS[invitation.role].hint.toLowerCase()}).
          </p>
          <dl class="facts">
            <dt>Email</dt>
            <dd>{invitation.email}</dd>
          </dl>
          {invitation.needsPassword && (
            <>
              <Field label="Your name" value={model.name} autoComplete="name" required maxLength={200} />
              <Field label="Choose a password" type="password" value={model.password} autoComplete="new-password" required maxLength={256} hint={passwordRulesText} error={problem && passwordProblemText(problem)} />
            </>
          )}
          {failure && <ErrorNote>{failure.kind === 'http' && failure.status < 500 && failure.status !== 429 ? linkFailureText(failure, 'invitation') : failureText(failure, 'join the team')}</ErrorNote>}
          <div class="actions">
            <button class="primary" type="submit" disabled={busy}>
              {busy ? 'Joining…' : invitation.needsPassword ? 'Join and sign in' : 'Join the team'}
            </button>
          </div>
        </form>
      )}
    </PublicLayout>
  );
}
