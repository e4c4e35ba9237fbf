import ky, { type Options } from 'ky';
import * as z from 'zod/mini';
import { loopApi, type AdminLoopApi } from './admin-loop-api.ts';
import { sitesApi, type AdminSitesApi } from './admin-sites-api.ts';
import { inboxApi, type AdminInboxApi } from './admin-inbox-api.ts';
import { teamApi, type AdminTeamApi } from './admin-team-api.ts';
import { readAnswer, send } from './http-send.ts';
import { webhooksApi, type AdminWebhooksApi } from './admin-webhooks-api.ts';
import { followUpChangeSchema, type FollowUpChange } from './schemas/admin-follow-up.ts';
import { jobListSchema, jobRetrySchema, jobsQueryParams, jobsQuerySchema, type JobsQuery, type JobView } from './schemas/admin-jobs.ts';
import {
  alertRecipientsSchema,
  mailPreferencesSchema,
  outboxPageSchema,
  outboxQueryParams,
  outboxQuerySchema,
  replyQueuedSchema,
  replySchema,
  type AlertRecipients,
  type MailPreferences,
  type OutboxMail,
  type OutboxQuery,
  type Reply,
} from './schemas/admin-mail.ts';
import { listQueryParams, listQuerySchema, type ListQuery } from './schemas/admin-query.ts';
import { responsePageSchema, type ResponsePage, type ResponseRecord } from './schemas/admin-record.ts';
import { statsQueryParams, statsQuerySchema, statsSchema, statsSummaryQuerySchema, statsSummarySchema, type Stats, type StatsQuery, type StatsSummary, type StatsSummaryQuery } from './schemas/admin-stats.ts';
import { responseDetailSchema, type ResponseDetail } from './schemas/admin-timeline.ts';
import { parseOrThrow } from './validate.ts';

export interface AdminClientOptions {
  /** Base URL of the collector, e.g. `https://collector.example.com`. */
  endpoint: string;
  /**
   * An API token or the site's secret key (`sk_…`), sent as `Authorization: Bearer …`. Without
   * one the browser's session cookie is sent instead (`credentials: 'include'`), for the team's app,
   * and every change (any method but GET) carries `X-Onepoint-Csrf: 1`, which the collector asks of
   * cookie-authenticated changes (a cross-site form cannot set it).
   */
  token?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Per request. @default 30000 */
  timeoutMs?: number;
  /** The clock `Retry-After` dates are read against. @default Date.now */
  now?: () => number;
}

/** The admin API (SPEC §6, §9, §10), typed. Every answer is parsed; nothing is retried by itself. */
export interface AdminClient extends AdminTeamApi, AdminLoopApi, AdminSitesApi, AdminInboxApi, AdminWebhooksApi {
  /** One page of responses, newest first. */
  list(query?: ListQuery): Promise<ResponsePage>;
  /** Every response the query matches, newest first, fetching page after page by cursor. */
  iterate(query?: Omit<ListQuery, 'cursor'>): AsyncGenerator<ResponseRecord, void, undefined>;
  /** One response with its follow-up timeline and the same person's other responses. */
  get(id: string): Promise<ResponseDetail>;
  stats(query?: StatsQuery): Promise<Stats>;
  /** The summary and 0–10 distribution of the same filters, without the rest of the stats: cheap at any size. */
  statsSummary(query?: StatsSummaryQuery): Promise<StatsSummary>;
  /** The CSV export of the query's responses, as text (UTF-8, the BOM removed). */
  csv(query?: Omit<ListQuery, 'cursor' | 'limit'>): Promise<string>;
  /** Changes status, owner or due date and/or adds a note; answers the response's new detail. */
  updateFollowUp(id: string, change: FollowUpChange): Promise<ResponseDetail>;
  /** The site's background jobs (webhook deliveries, mail, …), newest first; `state: 'dead'` for the parked ones. */
  jobs(query?: JobsQuery): Promise<JobView[]>;
  /** Queues a dead job again with fresh attempts; `HttpError` 409 for a job in any other state. */
  retryJob(id: string): Promise<JobView>;
  /** Emails the respondent (member); `HttpError` 400 `no_address` when they cannot be reached. Answers the mail as queued. */
  reply(id: string, reply: Reply): Promise<OutboxMail>;
  /** The team's mail, newest first (admin); `state: 'kept'` for what waits for an SMTP server. */
  outbox(query?: OutboxQuery): Promise<OutboxMail[]>;
  /** Which mail the signed-in member gets from this team. */
  mailPreferences(): Promise<MailPreferences>;
  setMailPreferences(preferences: MailPreferences): Promise<MailPreferences>;
  /** Who gets new-detractor alerts of unowned responses (admin): addresses, or `null` for the admins. */
  alertRecipients(): Promise<AlertRecipients>;
  setAlertRecipients(recipients: AlertRecipients): Promise<AlertRecipients>;
  readonly endpoint: string;
}

/**
 * A typed client for the collector's admin API, on ky, with the same errors as `createClient`:
 * `InvalidInputError` before any request for a bad query or change, `HttpError` (with the parsed
 * error body), `NetworkError`, `TimeoutError`, and `InvalidAnswerError` for an answer off-contract.
 * @example
 * const admin = createAdminClient({ endpoint: 'https://collector.example.com', token: 'sk_…' });
 * const { items } = await admin.list({ segment: 'detractor', hasComment: true, limit: 20 });
 * for await (const record of admin.iterate({ overdue: true })) console.log(record.id, record.dueAt);
 * if (items[0]) await admin.updateFollowUp(items[0].id, { status: 'contacted', owner: 'sam', note: 'Called back' });
 */
export function createAdminClient(options: AdminClientOptions): AdminClient {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const http = ky.create({
    fetch: fetchImpl,
    timeout: timeoutMs,
    retry: 0,
    throwHttpErrors: false,
    ...(options.token ? { headers: { authorization: `Bearer ${options.token}` } } : { credentials: 'include', hooks: { beforeRequest: [markChange] } }),
  });

  const request = (url: string, init: Options = {}) => send(http, url, init, timeoutMs, options.now ?? Date.now);

  async function json<S extends z.ZodMiniType>(url: string, schema: S, init?: Options): Promise<z.output<S>> {
    const response = await request(url, init);
    return readAnswer(url, schema, await response.json().catch(() => undefined));
  }

  /** The query as text, checked with the schema the collector uses: a bad one never leaves. */
  function listUrl(path: string, query: ListQuery): string {
    const params = listQueryParams(query);
    parseOrThrow(listQuerySchema, params, 'list query');
    return withParams(`${endpoint}${path}`, params);
  }

  const responseUrl = (id: string) => {
    parseOrThrow(responseIdSchema, id, 'response id');
    return `${endpoint}/v1/responses/${encodeURIComponent(id)}`;
  };

  const client: AdminClient = {
    endpoint,
    ...teamApi({ endpoint, json, send: request }),
    ...loopApi({ endpoint, json, send: request }),
    ...sitesApi({ endpoint, json }),
    ...inboxApi({ endpoint, json, send: request }),
    // Async, every one: a bad input rejects the promise, it never throws at the call.
    list: async (query = {}) => json(listUrl('/v1/responses', query), responsePageSchema),
    async *iterate(query = {}) {
      let cursor: string | null = null;
      do {
        const page: ResponsePage = await client.list({ ...query, ...(cursor ? { cursor } : {}) });
        yield* page.items;
        cursor = page.nextCursor;
      } while (cursor);
    },
    get: async (id) => json(responseUrl(id), responseDetailSchema),
    async stats(query = {}) {
      const params = statsQueryParams(query);
      parseOrThrow(statsQuerySchema, params, 'stats query');
      return json(withParams(`${endpoint}/v1/stats`, params), statsSchema);
    },
    async statsSummary(query = {}) {
      const params = statsQueryParams(query);
      parseOrThrow(statsSummaryQuerySchema, params, 'stats query');
      return json(withParams(`${endpoint}/v1/stats/summary`, params), statsSummarySchema);
    },
    async csv(query = {}) {
      const response = await request(listUrl('/v1/responses.csv', query));
      return response.text();
    },
    async updateFollowUp(id, change) {
      const url = `${responseUrl(id)}/follow-up`;
      const body = parseOrThrow(followUpChangeSchema, change, 'follow-up change');
      return json(url, responseDetailSchema, { method: 'patch', json: body });
    },
    async jobs(query = {}) {
      const params = jobsQueryParams(query);
      parseOrThrow(jobsQuerySchema, params, 'jobs query');
      return (await json(withParams(`${endpoint}/v1/jobs`, params), jobListSchema)).items;
    },
    async retryJob(id) {
      parseOrThrow(responseIdSchema, id, 'job id');
      return (await json(`${endpoint}/v1/jobs/${encodeURIComponent(id)}/retry`, jobRetrySchema, { method: 'post' })).job;
    },
    async reply(id, reply) {
      const url = `${responseUrl(id)}/reply`;
      const body = parseOrThrow(replySchema, reply, 'reply');
      return (await json(url, replyQueuedSchema, { method: 'post', json: body })).mail;
    },
    async outbox(query = {}) {
      const params = outboxQueryParams(query);
      parseOrThrow(outboxQuerySchema, params, 'outbox query');
      return (await json(withParams(`${endpoint}/v1/outbox`, params), outboxPageSchema)).items;
    },
    mailPreferences: async () => json(`${endpoint}/v1/me/mail-preferences`, mailPreferencesSchema),
    async setMailPreferences(preferences) {
      const body = parseOrThrow(mailPreferencesSchema, preferences, 'mail preferences');
      return json(`${endpoint}/v1/me/mail-preferences`, mailPreferencesSchema, { method: 'put', json: body });
    },
    ...webhooksApi({ endpoint, json, send: request }),
    alertRecipients: async () => json(`${endpoint}/v1/team/alert-recipients`, alertRecipientsSchema),
    async setAlertRecipients(recipients) {
      const body = parseOrThrow(alertRecipientsSchema, recipients, 'alert recipients');
      return json(`${endpoint}/v1/team/alert-recipients`, alertRecipientsSchema, { method: 'patch', json: body });
    },
  };
  return client;
}

/** The header the collector asks of cookie-authenticated changes: a cross-site form or image cannot send it. */
function markChange(request: Request): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') request.headers.set('x-onepoint-csrf', '1');
}

/** Response ids are UUIDs; anything else is only ever a 404, but an empty one would list instead. */
const responseIdSchema = z.string().check(z.minLength(1, { message: 'must not be empty' }), z.maxLength(100));

function withParams(url: string, params: Record<string, string>): string {
  const search = new URLSearchParams(params).toString();
  return search ? `${url}?${search}` : url;
}
