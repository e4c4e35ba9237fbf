import ky, { type KyInstance } from 'ky';
import type * as z from 'zod/mini';
import { HttpError, InvalidInputError, isRetryable } from './errors.ts';
import { DEFAULT_RETRY, retryDelay, type RetryPolicy } from './retry.ts';
import {
  LIMITS,
  ackSchema,
  eligibilityAnswerSchema,
  responsePayloadSchema,
  type Ack,
  type EligibilityAnswer,
  type ResponsePayload,
} from './schemas/response.ts';
import { readAnswer, send } from './http-send.ts';
import { parseOrThrow } from './validate.ts';

/** A response as the caller hands it over; `siteKey` defaults to the client's. */
export type ResponseDraft = Omit<ResponsePayload, 'siteKey'> & { siteKey?: string };

export interface ClientOptions {
  /** Base URL of the collector, e.g. `https://collector.example.com`. */
  endpoint: string;
  /** Public site key, `pk_…`. */
  siteKey: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Per attempt. @default 10000 */
  timeoutMs?: number;
  /** Retries for 408, 429, 5xx, network errors and timeouts; `false` for none. @default {@link DEFAULT_RETRY} */
  retry?: Partial<RetryPolicy> | false;
  /** Page-unload transport: `navigator.sendBeacon` in browsers. */
  sendBeacon?: (url: string, body: Blob) => boolean;
  /** @default Math.random */
  random?: () => number;
  /** @default Date.now */
  now?: () => number;
  /** @default setTimeout-based */
  sleep?: (ms: number) => Promise<void>;
}

/** How an unload-time send went: handed to the browser as a beacon or keepalive fetch, or not at all. */
export type UnloadSend = 'beacon' | 'keepalive' | 'none';

export interface Client {
  /** Validates and posts one response state; resolves with the server's ack. Retries per policy. */
  submit(draft: ResponseDraft): Promise<Ack>;
  /** Best effort while the page goes away: a `text/plain` beacon when small enough, else a keepalive fetch. */
  submitOnUnload(draft: ResponseDraft): UnloadSend;
  /** The collector's verdict for an identified user (SPEC §5, cross-device). */
  eligibility(userId: string): Promise<EligibilityAnswer>;
  /** Tells the collector that an identified user dismissed the survey, so other devices wait too. */
  dismiss(userId: string): Promise<void>;
  readonly endpoint: string;
  readonly siteKey: string;
}

// Beacons and keepalive bodies share a 64 KiB in-flight budget per page.
const UNLOAD_BUDGET_BYTES = 60_000;

/**
 * A typed client for the onepoint HTTP contract (SPEC §6).
 * @example
 * const client = createClient({ endpoint: 'https://collector.example.com', siteKey: 'pk_demo1234' });
 * const ack = await client.submit({ id: crypto.randomUUID(), surveyId: 'nps', seq: 1, score: 9, status: 'partial',
 *   anonymousId: 'visitor-1', context: { url: location.href, locale: 'en', createdAt: new Date().toISOString() } });
 * ack.segment // 'promoter'
 */
export function createClient(options: ClientOptions): Client {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const policy: RetryPolicy = options.retry === false ? { ...DEFAULT_RETRY, limit: 0 } : { ...DEFAULT_RETRY, ...options.retry };
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const http = ky.create({ fetch: fetchImpl, timeout: timeoutMs, retry: 0, throwHttpErrors: false });

  function toPayload(draft: ResponseDraft): { payload: ResponsePayload; body: string } {
    const payload = parseOrThrow(responsePayloadSchema, { ...draft, siteKey: draft.siteKey ?? options.siteKey }, 'response');
    const body = JSON.stringify(payload);
    const bytes = new TextEncoder().encode(body).length;
    if (bytes > LIMITS.bodyBytes) {
      throw new InvalidInputError('response', [{ path: '(root)', message: `is ${bytes} bytes; the limit is ${LIMITS.bodyBytes}` }]);
    }
    return { payload, body };
  }

  async function withRetries<T>(attempt: () => Promise<T>): Promise<T> {
    for (let retry = 1; ; retry++) {
      try {
        return await attempt();
      } catch (error) {
        if (!isRetryable(error) || retry > policy.limit) throw error;
        await sleep(retryDelay(retry, policy, random, error instanceof HttpError ? error.retryAfterMs : undefined));
      }
    }
  }

  async function request<T>(url: string, init: Parameters<KyInstance>[1], read: (json: unknown) => T): Promise<T> {
    const response = await send(http, url, init, timeoutMs, now);
    return read(await response.json().catch(() => undefined));
  }

  const readWith =
    <S extends z.ZodMiniType>(url: string, schema: S) =>
    (json: unknown): z.output<S> =>
      readAnswer(url, schema, json);

  const responsesUrl = `${endpoint}/v1/responses`;

  return {
    endpoint,
    siteKey: options.siteKey,
    async submit(draft) {
      const { body } = toPayload(draft);
      const init = { method: 'post', body, headers: { 'content-type': 'application/json' } } as const;
      return withRetries(() => request(responsesUrl, init, readWith(responsesUrl, ackSchema)));
    },
    submitOnUnload(draft) {
      const { body } = toPayload(draft);
      if (body.length > UNLOAD_BUDGET_BYTES) return 'none';
      if (options.sendBeacon?.(responsesUrl, new Blob([body], { type: 'text/plain' }))) return 'beacon';
      try {
        void fetchImpl(responsesUrl, { method: 'POST', body, keepalive: true, headers: { 'content-type': 'text/plain' } }).catch(() => undefined);
        return 'keepalive';
      } catch {
        return 'none';
      }
    },
    async dismiss(userId) {
      const url = `${endpoint}/v1/dismissals`;
      const body = JSON.stringify({ siteKey: options.siteKey, userId });
      await withRetries(() => request(url, { method: 'post', body, headers: { 'content-type': 'application/json' } }, () => undefined));
    },
    async eligibility(userId) {
      const url = `${endpoint}/v1/eligibility?${new URLSearchParams({ siteKey: options.siteKey, userId })}`;
      return withRetries(() => request(url, { method: 'get' }, readWith(url, eligibilityAnswerSchema)));
    },
  };
}
