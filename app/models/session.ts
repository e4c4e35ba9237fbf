import { batch, computed, signal } from '@preact/signals-core';
import type { AdminClient, Me } from '../../sdk/index.ts';
import type { Access } from './guard.ts';
import { isUnauthorized } from './failure.ts';
import { createTask } from './task.ts';

/**
 * Who is signed in, in which team: `load` asks the collector (`GET /v1/me`; 401 is simply
 * "signed out"), `switchTeam`, `signOut` and `signOutEverywhere` change it. When any other call
 * answers 401, the app calls `load` again: the session may have ended elsewhere.
 */
export function createSession(deps: { client: Pick<AdminClient, 'me' | 'switchTeam' | 'signOut' | 'signOutEverywhere'> }) {
  const { client } = deps;
  const me = signal<Me | undefined>(undefined);
  const loaded = signal(false);
  const task = createTask();
  const access = computed<Access>(() => {
    if (!loaded.value) return { state: 'loading' };
    const current = me.value;
    return current ? { state: 'signed-in', role: current.role } : { state: 'signed-out' };
  });
  const isAdmin = computed(() => me.value?.role === 'admin');
  const settle = (next: Me | undefined) =>
    batch(() => {
      me.value = next;
      loaded.value = true;
    });

  // A 401 to a sign-out means the session had already ended: signed out all the same.
  const signedOutUnlessFailed = () => {
    if (task.disposed) return;
    if (isUnauthorized(task.failure.value)) task.failure.value = undefined;
    if (!task.failure.value) settle(undefined);
  };

  return {
    me,
    access,
    isAdmin,
    busy: task.busy,
    /** Why loading or switching failed (not a 401: that is signed out). */
    failure: task.failure,
    async load() {
      const answer = await task.run(() => client.me());
      if (answer) settle(answer);
      else if (isUnauthorized(task.failure.value)) {
        task.failure.value = undefined;
        settle(undefined);
      }
      // Any other failure (offline, 5xx) stays "loading" with its failure: the view offers a retry,
      // never a sign-in form the person does not need.
    },
    async switchTeam(teamId: string) {
      if (teamId === me.value?.team.id) return;
      const answer = await task.run(() => client.switchTeam(teamId));
      if (answer) me.value = answer;
    },
    async signOut() {
      await task.run(() => client.signOut());
      signedOutUnlessFailed();
    },
    async signOutEverywhere() {
      await task.run(() => client.signOutEverywhere());
      signedOutUnlessFailed();
    },
    dispose: task.dispose,
  };
}
export type Session = ReturnType<typeof createSession>;
