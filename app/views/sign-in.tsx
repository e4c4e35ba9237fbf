import { createSignInForm, type SignInForm } from '../models/sign-in-form.ts';
import { useApp } from './context.ts';
import { Field } from './field.tsx';
import { ErrorNote, StatusNote } from './notice.tsx';
import { PublicLayout } from './public-layout.tsx';
import { ScreenHeading } from './screen-heading.tsx';
import { useModel, useValue } from './use-value.ts';
import { failureText, signInFailureText } from './words.ts';

/** `/sign-in`: email and password, or ask for a reset link. */
export function SignInScreen() {
  const { client, session, signInEmail } = useApp();
  const form = useModel(() => createSignInForm({ client, onSignedIn: () => session.load(), email: signInEmail.peek() }));
  const mode = useValue(form.mode);
  return <PublicLayout>{mode === 'sign-in' ? <SignIn form={form} /> : <Forgot form={form} />}</PublicLayout>;
}

function SignIn({ form }: { form: SignInForm }) {
  const busy = useValue(form.busy);
  const failure = useValue(form.failure);
  return (
    <>
      <ScreenHeading title="Sign in" />
      <p class="lede">Sign in to follow up with your customers.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit();
        }}
      >
        <Field label="Email" type="email" value={form.email} autoComplete="username" required maxLength={320} />
        <Field label="Password" type="password" value={form.password} autoComplete="current-password" required maxLength={256} />
        {failure && <ErrorNote>{signInFailureText(failure)}</ErrorNote>}
        <div class="actions">
          <button class="primary" type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <button class="link" type="button" onClick={form.showForgot}>
            Forgot password?
          </button>
        </div>
      </form>
    </>
  );
}

function Forgot({ form }: { form: SignInForm }) {
  const busy = useValue(form.busy);
  const failure = useValue(form.failure);
  const sent = useValue(form.resetRequested);
  return (
    <>
      <ScreenHeading title="Reset your password" />
      <p class="lede">We will email a link to choose a new password. It works once, for 24 hours.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void form.requestReset();
        }}
      >
        <Field label="Email" type="email" value={form.email} autoComplete="username" required maxLength={320} />
        {failure && <ErrorNote>{failureText(failure, 'ask for a reset link')}</ErrorNote>}
        {sent && <StatusNote>If that address belongs to a member, a link is on its way. Check your inbox (and spam folder).</StatusNote>}
        <div class="actions">
          <button class="primary" type="submit" disabled={busy}>
            {busy ? 'Sending…' : 'Send reset link'}
          </button>
          <button class="link" type="button" onClick={form.showSignIn}>
            Back to sign in
          </button>
        </div>
      </form>
    </>
  );
}
