import { batch, signal } from '@preact/signals-core';
import type { AdminClient, Change, ChangePublished, ListQuery, ResponseRecord } from '../../sdk/index.ts';
import { MAX_LINKED_RESPONSES } from '../../sdk/index.ts';
import { previewPublish, type PublishPreview } from './changes-preview.ts';
import { createTask } from './task.ts';

type Client = Pick<AdminClient, 'changes' | 'createChange' | 'linkResponses' | 'publishChange' | 'get' | 'iterate'>;

/** How many linked responses are read to count what publishing will do (the rest are said as "not counted"). */
export const PREVIEW_LIMIT = 200;

/**
 * Close the loop (member+): the team's changes (draft or published, with how many responses
 * asked for each), a new one (title and body), linking responses (by ids, or every response a
 * list query matches: the inbox's current filter), and publishing after a confirmation that says
 * how many respondents will be emailed or shown a notice and how many follow-ups will be resolved.
 */
export function createChanges(deps: { client: Client }) {
  const { client } = deps;
  const items = signal<Change[]>([]);
  const loaded = signal(false);
  const title = signal('');
  const body = signal('');
  /** The change being confirmed for publishing, and what it will do once counted. */
  const confirming = signal<{ id: string; preview: PublishPreview | undefined } | undefined>(undefined);
  /** The last publishing's outcome, as the collector counted it. */
  const published = signal<ChangePublished | undefined>(undefined);
  /** The last linking's outcome: how many responses the change now has. */
  const linked = signal<{ id: string; added: number } | undefined>(undefined);
  const load = createTask();
  const create = createTask();
  const action = createTask();
  const replace = (changed: Change) => (items.value = items.value.map((change) => (change.id === changed.id ? changed : change)));

  async function link(id: string, responseIds: string[]) {
    const before = items.value.find((change) => change.id === id)?.responseIds.length ?? 0;
    const answer = await action.run(() => client.linkResponses(id, responseIds));
    if (!answer) return;
    batch(() => {
      replace(answer);
      linked.value = { id, added: answer.responseIds.length - before };
    });
  }

  return {
    items,
    loaded,
    title,
    body,
    confirming,
    published,
    linked,
    loading: load.busy,
    loadFailure: load.failure,
    creating: create.busy,
    createFailure: create.failure,
    busy: action.busy,
    failure: action.failure,
    async load() {
      const answer = await load.run(() => client.changes());
      if (!answer) return;
      batch(() => {
        items.value = answer;
        loaded.value = true;
      });
    },
    async create(responseIds: string[] = []) {
      if (create.busy.value) return;
      const answer = await create.run(() => client.createChange({ title: title.value.trim(), body: body.value.trim(), responseIds }));
      if (!answer) return;
      batch(() => {
        items.value = [answer, ...items.value];
        title.value = '';
        body.value = '';
      });
    },
    /** Links the responses named by id (typed or pasted: split at spaces, commas and new lines). */
    linkIds: (id: string, text: string) => link(id, text.split(/[\s,;]+/).filter(Boolean)),
    /** Links every response `query` matches (up to the collector's limit for one request). */
    async linkQuery(id: string, query: Omit<ListQuery, 'cursor'>) {
      const ids = await action.run(async () => {
        const found: string[] = [];
        for await (const record of client.iterate({ ...query, limit: 100 })) {
          found.push(record.id);
          if (found.length >= MAX_LINKED_RESPONSES) break;
        }
        return found;
      });
      if (ids && ids.length > 0) await link(id, ids);
      else if (ids) linked.value = { id, added: 0 };
    },
    async askPublish(id: string) {
      const change = items.value.find((item) => item.id === id);
      if (!change) return;
      batch(() => {
        confirming.value = { id, preview: undefined };
        published.value = undefined;
      });
      // Reading the linked responses is only for the count: one that cannot be read is "not counted".
      const records = await Promise.all(change.responseIds.slice(0, PREVIEW_LIMIT).map((responseId) => client.get(responseId).then((detail) => detail.response, () => undefined)));
      if (action.disposed || confirming.value?.id !== id) return;
      const read = records.filter((record): record is ResponseRecord => record !== undefined);
      confirming.value = { id, preview: previewPublish(read, change.responseIds.length) };
    },
    cancelPublish() {
      confirming.value = undefined;
    },
    async confirmPublish() {
      const id = confirming.value?.id;
      if (id === undefined || action.busy.value) return;
      const answer = await action.run(() => client.publishChange(id));
      if (action.disposed) return;
      batch(() => {
        confirming.value = undefined;
        if (!answer) return;
        replace(answer.change);
        published.value = answer;
      });
    },
    dispose() {
      load.dispose();
      create.dispose();
      action.dispose();
    },
  };
}
export type Changes = ReturnType<typeof createChanges>;
