import { computed, signal } from '@preact/signals-core';
import type { AdminClient, EraseRequest } from '../../sdk/index.ts';
import { createTask } from './task.ts';

/** The ids a person can be erased by (SPEC §13). */
export const ERASE_BY = ['email', 'userId', 'anonymousId'] as const;
export type EraseBy = (typeof ERASE_BY)[number];

/**
 * Privacy (admin): erase a person from the team's sites by email, user id or anonymous id. Erasing
 * cannot be undone, so it asks once more, naming who; the answer says what was removed, by kind.
 */
export function createPrivacy(deps: { client: Pick<AdminClient, 'erasePerson'> }) {
  const by = signal<EraseBy>('email');
  const value = signal('');
  /** The request waiting for its confirmation. */
  const confirming = signal<EraseRequest | undefined>(undefined);
  /** What the last erasure removed, and of whom. */
  const erased = signal<{ who: string; counts: Record<string, number> } | undefined>(undefined);
  const erase = createTask();
  return {
    by,
    value,
    confirming,
    erased,
    erasing: erase.busy,
    failure: erase.failure,
    /** Whom the confirmation names. */
    who: computed(() => value.value.trim()),
    /** Asks for the confirmation (nothing for an empty field). */
    ask() {
      const who = value.value.trim();
      if (!who) return;
      erased.value = undefined;
      confirming.value = { [by.value]: who };
    },
    cancel() {
      confirming.value = undefined;
    },
    async confirm() {
      const request = confirming.value;
      if (!request || erase.busy.value) return;
      const answer = await erase.run(() => deps.client.erasePerson(request));
      if (erase.disposed) return;
      confirming.value = undefined;
      if (!answer) return;
      erased.value = { who: Object.values(request).join(''), counts: answer.erased };
      value.value = '';
    },
    dispose() {
      erase.dispose();
    },
  };
}
export type Privacy = ReturnType<typeof createPrivacy>;
