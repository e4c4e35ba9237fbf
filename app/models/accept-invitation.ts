import { computed, signal } from '@preact/signals-core';
import type { AdminClient } from '../../sdk/index.ts';
import { passwordProblemBeforeSending, passwordProblemOf, type PasswordProblem } from './password-rules.ts';
import { createTask } from './task.ts';

type Lookup = Awaited<ReturnType<AdminClient['lookupInvitation']>>;

/**
 * `/invite?token=…`: `load` shows which team and address the link is for; someone new chooses a
 * name and password, then is signed in with them and lands in the app (`onSignedIn`). Someone who
 * already has a password accepts and signs in as usual (`onAccepted` with their address).
 */
export function createAcceptInvitation(deps: {
  client: Pick<AdminClient, 'lookupInvitation' | 'acceptInvitation' | 'signIn'>;
  token: string | undefined;
  onSignedIn: () => void | Promise<void>;
  onAccepted: (email: string) => void;
}) {
  const invitation = signal<Lookup | undefined>(undefined);
  const name = signal('');
  const password = signal('');
  const tooShort = signal(false);
  const lookup = createTask();
  const accept = createTask();
  const problem = computed<PasswordProblem | undefined>(() => (tooShort.value ? 'password_too_short' : passwordProblemOf(accept.failure.value)));
  return {
    hasToken: deps.token !== undefined,
    invitation,
    name,
    password,
    loading: lookup.busy,
    /** The link could not be read: expired, used, unknown (404/410) or offline. */
    lookupFailure: lookup.failure,
    busy: accept.busy,
    problem,
    failure: computed(() => (problem.value ? undefined : accept.failure.value)),
    async load() {
      const token = deps.token;
      if (token === undefined) return;
      const answer = await lookup.run(() => deps.client.lookupInvitation(token));
      if (answer) invitation.value = answer;
    },
    async submit() {
      const token = deps.token;
      const found = invitation.value;
      if (accept.busy.value || token === undefined || !found) return;
      if (found.needsPassword) {
        tooShort.value = passwordProblemBeforeSending(password.value) !== undefined;
        if (tooShort.value) return;
      }
      const typed = name.value.trim();
      const body = found.needsPassword ? { token, password: password.value, ...(typed ? { name: typed } : {}) } : { token };
      const accepted = await accept.run(() => deps.client.acceptInvitation(body));
      if (!accepted) return;
      if (!found.needsPassword) return deps.onAccepted(accepted.email);
      const signedIn = await accept.run(() => deps.client.signIn({ email: accepted.email, password: password.value }));
      if (signedIn) await deps.onSignedIn();
    },
    dispose() {
      lookup.dispose();
      accept.dispose();
    },
  };
}
export type AcceptInvitation = ReturnType<typeof createAcceptInvitation>;
