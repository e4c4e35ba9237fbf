import { createResetPasswordForm } from '../models/reset-password-form.ts';
import { useApp } from './context.ts';
import { Field } from './field.tsx';
import { ErrorNote, StatusNote } from './notice.tsx';
import { PublicLayout } from './public-layout.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { useModel, useValue } from './use-value.ts';
import { linkFailureText, passwordProblemText, passwordRulesText } from './words.ts';

/** `/reset-password?token=…`: choose a new password with the link's token. */
export function ResetPasswordScreen(props: { token: string | undefined }) {
  const { client, router } = useApp();
  const form = useModel(() => createResetPasswordForm({ client, token: props.token }), [props.token]);
  const busy = useValue(form.busy);
  const done = useValue(form.done);
  const problem = useValue(form.problem);
  const failure = useValue(form.failure);
  const signIn = () => router.replace({ screen: 'sign-in' });
  return (
    <PublicLayout>
      <ScreenHeading title="Choose a new password" />
      {!form.hasToken ? (
        <ErrorNote>This link is incomplete. Open the link from your email again, or ask an admin for a new one.</ErrorNote>
      ) : done ? (
        <>
          <StatusNote>Your password is changed, and every other session is signed out.</StatusNote>
          <div class="actions">
            <button class="primary" type="button" onClick={signIn}>
              Sign in
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
          <Field label="New password" type="password" value={form.password} autoComplete="new-password" required maxLength={256} hint={passwordRulesText} error={problem && passwordProblemText(problem)} />
          {failure && <ErrorNote>{linkFailureText(failure, 'reset')}</ErrorNote>}
          <div class="actions">
            <button class="primary" type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save password'}
            </button>
          </div>
        </form>
      )}
    </PublicLayout>
  );
}
