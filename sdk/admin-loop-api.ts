import * as z from 'zod/mini';
import type { TeamTransport } from './admin-team-api.ts';
import { changeCreateSchema, changeLinkSchema, changeListSchema, changePublishedSchema, changeSchema, type Change, type ChangePublished } from './schemas/admin-changes.ts';
import { eraseRequestSchema, eraseResultSchema, retentionSchema, type EraseRequest, type EraseResult, type Retention } from './schemas/admin-privacy.ts';
import { parseOrThrow } from './validate.ts';

/** Closing the loop and privacy (SPEC §12–§13): the team's changes, erasing a person, a site's retention. */
export interface AdminLoopApi {
  /** The team's changes, newest first. */
  changes(): Promise<Change[]>;
  change(id: string): Promise<Change>;
  /** (member) Records a change linked to the responses that asked for it; `HttpError` 400 names ids that are not the team's. */
  createChange(change: { title: string; body: string; responseIds?: string[] }): Promise<Change>;
  /** (member) Links more responses to an unpublished change. */
  linkResponses(id: string, responseIds: string[]): Promise<Change>;
  /** (member) Publishes: mails, resolves, notifies. Again: `published: false`, nothing happens. */
  publishChange(id: string): Promise<ChangePublished>;
  /** (admin) Erases a person from the team's sites by user id, email or anonymous id; answers what was erased, by kind. */
  erasePerson(who: EraseRequest): Promise<EraseResult>;
  retention(siteId: string): Promise<Retention>;
  /** (admin) */
  setRetention(siteId: string, retention: { days: number | null; mode?: Retention['mode'] }): Promise<Retention>;
}

const idSchema = z.string().check(z.minLength(1, { message: 'must not be empty' }), z.maxLength(200));

/** The closing-the-loop and privacy methods of the admin client, on its transport. */
export function loopApi({ endpoint, json }: TeamTransport): AdminLoopApi {
  const path = (base: string, id: string, what: string) => `${endpoint}${base}/${encodeURIComponent(parseOrThrow(idSchema, id, what))}`;
  return {
    changes: async () => (await json(`${endpoint}/v1/changes`, changeListSchema)).items,
    change: async (id) => json(path('/v1/changes', id, 'change id'), changeSchema),
    createChange: async (change) => json(`${endpoint}/v1/changes`, changeSchema, { method: 'post', json: parseOrThrow(changeCreateSchema, change, 'change') }),
    linkResponses: async (id, responseIds) =>
      json(`${path('/v1/changes', id, 'change id')}/responses`, changeSchema, { method: 'post', json: parseOrThrow(changeLinkSchema, { responseIds }, 'linked responses') }),
    publishChange: async (id) => json(`${path('/v1/changes', id, 'change id')}/publish`, changePublishedSchema, { method: 'post' }),
    erasePerson: async (who) => json(`${endpoint}/v1/people/erase`, eraseResultSchema, { method: 'post', json: parseOrThrow(eraseRequestSchema, who, 'person') }),
    retention: async (siteId) => json(`${path('/v1/sites', siteId, 'site id')}/retention`, retentionSchema),
    setRetention: async (siteId, retention) => json(`${path('/v1/sites', siteId, 'site id')}/retention`, retentionSchema, { method: 'put', json: parseOrThrow(retentionSchema, retention, 'retention') }),
  };
}
