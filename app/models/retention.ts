import { signal } from '@preact/signals-core';
import type { AdminClient, Retention } from '../../sdk/index.ts';
import { createTask } from './task.ts';

/**
 * One site's retention (SPEC §13): keep responses for ever, or for `days` and then anonymise or
 * delete them (a daily job does it). What the form shows is text; the collector checks it too.
 */
export function createRetention(deps: { client: Pick<AdminClient, 'retention' | 'setRetention'>; siteId: string }) {
  const current = signal<Retention | undefined>(undefined);
  const days = signal('');
  const mode = signal<Retention['mode']>('anonymise');
  const saved = signal(false);
  const load = createTask();
  const save = createTask();
  const show = (retention: Retention) => {
    current.value = retention;
    days.value = retention.days === null ? '' : String(retention.days);
    mode.value = retention.mode;
  };
  return {
    current,
    days,
    mode,
    saved,
    busy: save.busy,
    failure: save.failure,
    loadFailure: load.failure,
    async load() {
      const answer = await load.run(() => deps.client.retention(deps.siteId));
      if (answer) show(answer);
    },
    /** `days` empty keeps responses for ever. */
    async save() {
      saved.value = false;
      const text = days.value.trim();
      const answer = await save.run(() => deps.client.setRetention(deps.siteId, { days: text === '' ? null : Number(text), mode: mode.value }));
      if (!answer) return;
      show(answer);
      saved.value = true;
    },
    dispose() {
      load.dispose();
      save.dispose();
    },
  };
}
export type RetentionModel = ReturnType<typeof createRetention>;
