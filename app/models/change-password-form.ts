import { batch, computed, signal } from '@preact/signals-core';
import type { AdminClient } from '../../sdk/index.ts';
import { passwordProblemBeforeSending, passwordProblemOf, type PasswordProblem } from './password-rules.ts';
import { createTask } from './task.ts';

/** The user menu's "Change password": current and new; every other session is signed out with it. */
export function createChangePasswordForm(deps: { client: Pick<AdminClient, 'changePassword'> }) {
  const current = signal('');
  const next = signal('');
  const done = signal(false);
  const tooShort = signal(false);
  const task = createTask();
  const problem = computed<PasswordProblem | undefined>(() => (tooShort.value ? 'password_too_short' : passwordProblemOf(task.failure.value)));
  return {
    current,
    next,
    done,
    busy: task.busy,
    problem,
    /** Any other failure: a wrong current password is a 400 or 401 from better-auth. */
    failure: computed(() => (problem.value ? undefined : task.failure.value)),
    async submit() {
      if (task.busy.value) return;
      tooShort.value = passwordProblemBeforeSending(next.value) !== undefined;
      if (tooShort.value) return;
      await task.run(() => deps.client.changePassword({ currentPassword: current.value, newPassword: next.value }));
      if (!task.failure.value && !task.disposed)
        batch(() => {
          current.value = '';
          next.value = '';
          done.value = true;
        });
    },
    dispose: task.dispose,
  };
}
export type ChangePasswordForm = ReturnType<typeof createChangePasswordForm>;
