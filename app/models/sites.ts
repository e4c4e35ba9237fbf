import { batch, computed, signal } from '@preact/signals-core';
import type { AdminClient, SiteCreated, SiteView } from '../../sdk/index.ts';
import { originsText, parseOrigins } from './sites-origins.ts';
import { createTask } from './task.ts';

/**
 * The team's sites (Settings). Everyone reads them, with each site's public key and script tag;
 * admins add a site (its secret key shown this once) and change a site's name or origins, one
 * site at a time. The origins are typed one per line and checked line by line before sending.
 */
export function createSites(deps: { client: Pick<AdminClient, 'sites' | 'createSite' | 'updateSite'> }) {
  const { client } = deps;
  const items = signal<SiteView[]>([]);
  const loaded = signal(false);
  const load = createTask();
  const create = createTask();
  const save = createTask();

  const name = signal('');
  const origins = signal('');
  /** Whether a create was tried: the origins' problems show from then on, not while typing the first line. */
  const createTried = signal(false);
  /** The site just made and its secret key: shown until dismissed, never again. */
  const created = signal<SiteCreated | undefined>(undefined);

  const editing = signal<string | undefined>(undefined);
  const editName = signal('');
  const editOrigins = signal('');
  const editTried = signal(false);
  /** The site whose change was just saved, for a calm "saved" note. */
  const saved = signal<string | undefined>(undefined);

  /** Sites made or changed since the list was last asked for (see `load`). */
  let changedSince = new Map<string, SiteView>();

  const createOrigins = computed(() => parseOrigins(origins.value));
  const editParsed = computed(() => parseOrigins(editOrigins.value));

  return {
    items,
    loaded,
    loading: load.busy,
    loadFailure: load.failure,
    name,
    origins,
    createOrigins,
    createTried,
    created,
    creating: create.busy,
    createFailure: create.failure,
    editing,
    editName,
    editOrigins,
    editParsed,
    editTried,
    saving: save.busy,
    saveFailure: save.failure,
    saved,
    async load() {
      changedSince = new Map();
      const answer = await load.run(() => client.sites());
      if (!answer) return;
      // A site made or changed here while the list was on its way is newer than the list's copy.
      const local = changedSince;
      batch(() => {
        items.value = [...answer.map((site) => local.get(site.id) ?? site), ...[...local.values()].filter((site) => !answer.some((one) => one.id === site.id))];
        loaded.value = true;
      });
    },
    async create() {
      if (create.busy.value) return;
      createTried.value = true;
      const parsed = createOrigins.value;
      // The field says what is wrong; the collector would refuse it all the same.
      if (parsed.problems.length > 0 || parsed.origins.length === 0 || parsed.tooMany || name.value.trim() === '') return;
      const answer = await create.run(() => client.createSite({ name: name.value.trim(), origins: parsed.origins }));
      if (!answer) return;
      changedSince.set(answer.site.id, answer.site);
      batch(() => {
        items.value = [...items.value, answer.site];
        created.value = answer;
        name.value = '';
        origins.value = '';
        createTried.value = false;
      });
    },
    dismissCreated() {
      created.value = undefined;
    },
    startEdit(id: string) {
      const site = items.value.find((item) => item.id === id);
      if (!site) return;
      batch(() => {
        editing.value = id;
        editName.value = site.name;
        editOrigins.value = originsText(site.origins);
        editTried.value = false;
        saved.value = undefined;
        save.failure.value = undefined;
      });
    },
    cancelEdit() {
      editing.value = undefined;
    },
    async saveEdit() {
      const id = editing.value;
      const site = items.value.find((item) => item.id === id);
      if (!id || !site || save.busy.value) return;
      editTried.value = true;
      const parsed = editParsed.value;
      const nextName = editName.value.trim();
      if (parsed.problems.length > 0 || parsed.origins.length === 0 || parsed.tooMany || nextName === '') return;
      // Only what changed is sent (and the audit log records only that).
      const change = {
        ...(nextName !== site.name ? { name: nextName } : {}),
        ...(originsText(parsed.origins) !== originsText(site.origins) ? { origins: parsed.origins } : {}),
      };
      if (Object.keys(change).length === 0) {
        editing.value = undefined;
        return;
      }
      const answer = await save.run(() => client.updateSite(id, change));
      if (!answer) return;
      changedSince.set(answer.id, answer);
      batch(() => {
        items.value = items.value.map((item) => (item.id === answer.id ? answer : item));
        editing.value = undefined;
        saved.value = answer.id;
      });
    },
    dispose() {
      load.dispose();
      create.dispose();
      save.dispose();
    },
  };
}
export type Sites = ReturnType<typeof createSites>;
