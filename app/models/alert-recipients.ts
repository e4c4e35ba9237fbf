import { batch, signal } from '@preact/signals-core';
import type { AdminClient } from '../../sdk/index.ts';
import { createTask } from './task.ts';

/** The addresses in what someone typed: split at commas, semicolons, spaces and new lines. */
export const splitAddresses = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/**
 * Who gets new-detractor alerts of responses nobody owns (admin): the team's admins, or a list of
 * addresses (a shared inbox, say). Addresses are checked by the SDK before they are sent.
 */
export function createAlertRecipients(deps: { client: Pick<AdminClient, 'alertRecipients' | 'setAlertRecipients'> }) {
  const mode = signal<'admins' | 'list'>('admins');
  const text = signal('');
  const loaded = signal(false);
  const saved = signal(false);
  const load = createTask();
  const save = createTask();
  const show = (emails: string[] | null) =>
    batch(() => {
      mode.value = emails ? 'list' : 'admins';
      text.value = emails ? emails.join('\n') : text.value;
      loaded.value = true;
    });
  return {
    mode,
    text,
    loaded,
    saved,
    loadFailure: load.failure,
    saving: save.busy,
    saveFailure: save.failure,
    async load() {
      const answer = await load.run(() => deps.client.alertRecipients());
      if (answer) show(answer.emails);
    },
    async save() {
      if (save.busy.value) return;
      saved.value = false;
      const emails = mode.value === 'admins' ? null : splitAddresses(text.value);
      const answer = await save.run(() => deps.client.setAlertRecipients({ emails }));
      if (!answer) return;
      show(answer.emails);
      saved.value = true;
    },
    dispose() {
      load.dispose();
      save.dispose();
    },
  };
}
export type AlertRecipientsModel = ReturnType<typeof createAlertRecipients>;
