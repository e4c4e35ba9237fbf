import { signal } from '@preact/signals-core';
import type { AdminClient, MailPreferences } from '../../sdk/index.ts';
import { createTask } from './task.ts';

/**
 * Which mail the signed-in member gets from this team. A toggle saves at once and shows the
 * change straight away; when the save fails, the toggle goes back to what the collector has.
 */
export function createMailPreferences(deps: { client: Pick<AdminClient, 'mailPreferences' | 'setMailPreferences'> }) {
  const preferences = signal<MailPreferences | undefined>(undefined);
  /** The last save that went through: announced politely. */
  const saved = signal<keyof MailPreferences | undefined>(undefined);
  const load = createTask();
  const save = createTask();
  return {
    preferences,
    saved,
    loadFailure: load.failure,
    saving: save.busy,
    saveFailure: save.failure,
    async load() {
      const answer = await load.run(() => deps.client.mailPreferences());
      if (answer) preferences.value = answer;
    },
    async set(key: keyof MailPreferences, on: boolean) {
      const before = preferences.value;
      if (!before || save.busy.value) return;
      const next = { ...before, [key]: on };
      preferences.value = next;
      saved.value = undefined;
      const answer = await save.run(() => deps.client.setMailPreferences(next));
      if (save.disposed) return;
      preferences.value = answer ?? before;
      if (answer) saved.value = key;
    },
    dispose() {
      load.dispose();
      save.dispose();
    },
  };
}
export type MailPreferencesModel = ReturnType<typeof createMailPreferences>;
