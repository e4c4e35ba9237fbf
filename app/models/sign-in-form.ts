import { batch, signal } from '@preact/signals-core';
import type { AdminClient } from '../../sdk/index.ts';
import { createTask } from './task.ts';

/**
 * The sign-in screen: email and password, and its "Forgot password?" mode, which asks for a reset
 * link and always shows the same neutral answer (whether the address is a member's is not told).
 * `onSignedIn` runs after a successful sign-in (the session loads who they are).
 */
export function createSignInForm(deps: { client: Pick<AdminClient, 'signIn' | 'requestPasswordReset'>; onSignedIn: () => void | Promise<void>; email?: string }) {
  const mode = signal<'sign-in' | 'forgot'>('sign-in');
  const email = signal(deps.email ?? '');
  const password = signal('');
  /** The reset was asked for: the neutral answer shows. */
  const resetRequested = signal(false);
  const task = createTask();
  return {
    mode,
    email,
    password,
    resetRequested,
    busy: task.busy,
    failure: task.failure,
    async submit() {
      if (task.busy.value) return;
      const answer = await task.run(() => deps.client.signIn({ email: email.value.trim(), password: password.value }));
      if (answer) {
        password.value = '';
        await deps.onSignedIn();
      }
    },
    async requestReset() {
      if (task.busy.value) return;
      await task.run(() => deps.client.requestPasswordReset({ email: email.value.trim() }));
      if (!task.failure.value && !task.disposed) resetRequested.value = true;
    },
    showForgot() {
      batch(() => {
        mode.value = 'forgot';
        resetRequested.value = false;
        task.failure.value = undefined;
      });
    },
    showSignIn() {
      batch(() => {
        mode.value = 'sign-in';
        task.failure.value = undefined;
      });
    },
    dispose: task.dispose,
  };
}
export type SignInForm = ReturnType<typeof createSignInForm>;
