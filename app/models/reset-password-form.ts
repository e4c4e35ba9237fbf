import { computed, signal } from '@preact/signals-core';
import type { AdminClient } from '../../sdk/index.ts';
import { passwordProblemBeforeSending, passwordProblemOf, type PasswordProblem } from './password-rules.ts';
import { createTask } from './task.ts';

/** `/reset-password?token=…`: a new password for the link's account; `done` once it is set (then they sign in). */
export function createResetPasswordForm(deps: { client: Pick<AdminClient, 'resetPassword'>; token: string | undefined }) {
  const password = signal('');
  const done = signal(false);
  /** The length rule, once they tried to send a short one. */
  const tooShort = signal(false);
  const task = createTask();
  const problem = computed<PasswordProblem | undefined>(() => (tooShort.value ? 'password_too_short' : passwordProblemOf(task.failure.value)));
  return {
    /** `false` for a link without a token: nothing to send. */
    hasToken: deps.token !== undefined,
    password,
    done,
    busy: task.busy,
    /** What the password field says (ours before sending, the collector's after). */
    problem,
    /** Any other failure (an expired or used link is a 400 with another code). */
    failure: computed(() => (problem.value ? undefined : task.failure.value)),
    async submit() {
      const token = deps.token;
      if (task.busy.value || token === undefined) return;
      tooShort.value = passwordProblemBeforeSending(password.value) !== undefined;
      if (tooShort.value) return;
      await task.run(() => deps.client.resetPassword({ token, newPassword: password.value }));
      if (!task.failure.value && !task.disposed) {
        password.value = '';
        done.value = true;
      }
    },
    dispose: task.dispose,
  };
}
export type ResetPasswordForm = ReturnType<typeof createResetPasswordForm>;
