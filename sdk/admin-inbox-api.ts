import type { Options } from 'ky';
import * as z from 'zod/mini';
import { playbookChangeSchema, playbookListSchema, playbookSchema, type Playbook, type PlaybookStep } from './schemas/admin-playbooks.ts';
import { listQueryParams, listQuerySchema, type ListQuery } from './schemas/admin-query.ts';
import { responseCountSchema, savedViewCreateSchema, savedViewListSchema, savedViewRenameSchema, savedViewSchema, type SavedView, type SavedViewCreate } from './schemas/admin-views.ts';
import type { Segment } from './segment.ts';
import { parseOrThrow } from './validate.ts';

/** The inbox's parts of the admin API (SPEC §10): counts, saved views, playbooks. */
export interface AdminInboxApi {
  /** How many responses the list of `query` holds. */
  count(query?: Omit<ListQuery, 'cursor' | 'limit' | 'sort'>): Promise<number>;
  /** The built-in views and the team's, each with its count. */
  views(): Promise<SavedView[]>;
  /** (member) Saves a view of the team. */
  createView(view: SavedViewCreate): Promise<SavedView>;
  /** (member) Renames one of the team's views (built-in ones keep their names); answers it with its count. */
  renameView(id: string, name: string): Promise<SavedView>;
  /** (member) Deletes one of the team's views. */
  deleteView(id: string): Promise<void>;
  /** The team's playbook per segment. */
  playbooks(): Promise<Playbook[]>;
  /** (admin) Replaces a segment's steps; `HttpError` 400 `advocacy_not_allowed` for an advocacy step outside promoters. */
  setPlaybook(segment: Segment, steps: PlaybookStep[]): Promise<Playbook>;
}

/** How the inbox's methods reach the collector (the admin client's own transport). */
export interface InboxTransport {
  endpoint: string;
  json<S extends z.ZodMiniType>(url: string, schema: S, init?: Options): Promise<z.output<S>>;
  send(url: string, init?: Options): Promise<Response>;
}

const viewIdSchema = z.string().check(z.minLength(1, { message: 'must not be empty' }), z.maxLength(100));

/** The inbox's methods over the admin client's transport. Every input is checked before it leaves. */
export function inboxApi({ endpoint, json, send }: InboxTransport): AdminInboxApi {
  return {
    async count(query = {}) {
      const params = listQueryParams(query);
      parseOrThrow(listQuerySchema, params, 'count query');
      const search = new URLSearchParams(params).toString();
      return (await json(`${endpoint}/v1/responses/count${search ? `?${search}` : ''}`, responseCountSchema)).count;
    },
    views: async () => (await json(`${endpoint}/v1/views`, savedViewListSchema)).items,
    async createView(view) {
      const body = parseOrThrow(savedViewCreateSchema, view, 'view');
      return json(`${endpoint}/v1/views`, savedViewSchema, { method: 'post', json: body });
    },
    async renameView(id, name) {
      const url = `${endpoint}/v1/views/${encodeURIComponent(parseOrThrow(viewIdSchema, id, 'view id'))}`;
      const body = parseOrThrow(savedViewRenameSchema, { name }, 'view');
      return json(url, savedViewSchema, { method: 'patch', json: body });
    },
    async deleteView(id) {
      const response = await send(`${endpoint}/v1/views/${encodeURIComponent(parseOrThrow(viewIdSchema, id, 'view id'))}`, { method: 'delete' });
      await response.body?.cancel();
    },
    playbooks: async () => (await json(`${endpoint}/v1/playbooks`, playbookListSchema)).items,
    async setPlaybook(segment, steps) {
      const body = parseOrThrow(playbookChangeSchema, { steps }, 'playbook');
      return json(`${endpoint}/v1/playbooks/${encodeURIComponent(segment)}`, playbookSchema, { method: 'put', json: body });
    },
  };
}
