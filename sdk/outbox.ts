import * as z from 'zod/mini';
import type { UnloadSend } from './client.ts';
import { isRetryable } from './errors.ts';
import { localLock, type FlushLock } from './flush-lock.ts';
import { responsePayloadSchema, type Ack, type ResponsePayload } from './schemas/response.ts';
import type { KeyValueStorage } from './storage.ts';
import { OUTBOX_KEY, stashResponse, storedEntries } from './outbox-store.ts';

const entrySchema = z.object({ payload: responsePayloadSchema, queuedAt: z.number() });
type Entry = z.output<typeof entrySchema>;

/** What the outbox reports, so that nothing it drops goes unnoticed. */
export type OutboxEvent =
  | { type: 'delivered'; id: string; seq: number; ack: Ack }
  | { type: 'dropped'; id: string; seq: number; reason: 'rejected' | 'expired' | 'overflow'; error?: unknown }
  | { type: 'corrupt'; discarded: number; error?: unknown }
  | { type: 'retry-later'; /** Absent when the flush failed before any response (the lock, the storage). */ id?: string; error: unknown };

export interface OutboxOptions {
  /** Where entries wait; use {@link browserStorage} in a page. */
  storage: KeyValueStorage;
  /** Delivers one response; rejects with a client error. Usually `client.submit`. */
  send: (payload: ResponsePayload) => Promise<Ack>;
  /** Hands a response to the browser while the page goes away. Usually `client.submitOnUnload`. */
  sendOnUnload?: (payload: ResponsePayload) => UnloadSend;
  /** Who may flush; {@link crossTabLock} in a page. @default a lock within this outbox */
  lock?: FlushLock;
  /** @default Date.now */
  now?: () => number;
  /** Entries kept at most; the oldest go first. @default 50 */
  maxEntries?: number;
  /** Entries older than this are dropped. @default 30 days */
  maxAgeMs?: number;
  onEvent?: (event: OutboxEvent) => void;
  /** @default {@link OUTBOX_KEY} */
  key?: string;
  /**
   * Runs `task` after `ms`; returns a cancel function. The outbox retries by itself after a
   * failure (15 s, doubling to 5 min) and soon after finding another tab flushing (2 s).
   * @default setTimeout, unref'd in Node
   */
  schedule?: (task: () => void, ms: number) => () => void;
}

const RETRY_FIRST_MS = 15_000;
const RETRY_MAX_MS = 5 * 60_000;
const LOCK_BUSY_MS = 2_000;
const MAX_PASSES = 10;

function defaultSchedule(task: () => void, ms: number): () => void {
  const timer = setTimeout(task, ms);
  (timer as { unref?: () => void }).unref?.();
  return () => clearTimeout(timer);
}

export interface FlushResult {
  delivered: number;
  /** Entries still waiting for a later chance. */
  waiting: number;
  /** False when another tab or flush held the lock. */
  ran: boolean;
}

/** Something with `addEventListener`: `window` in a page. */
export interface FlushTriggers {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

export interface Outbox {
  /** Queues a response state; a state with a lower `seq` than the queued one is ignored. */
  put(payload: ResponsePayload): void;
  /**
   * Sends what waits, oldest first, stopping at the first failure worth retrying (and scheduling
   * a retry). A state queued while a flush runs is sent by that same flush. Never rejects.
   */
  flush(): Promise<FlushResult>;
  /** Hands every waiting response to the unload transport. Entries stay until acknowledged. */
  flushOnUnload(): void;
  /** What waits, oldest first. */
  pending(): ResponsePayload[];
  /** Flushes on `online` and visible, hands off on `pagehide` and hidden. Returns the detach function. */
  attach(target: FlushTriggers, doc?: { visibilityState: string } & FlushTriggers): () => void;
}

/**
 * A durable queue of response states, one entry per response id, keeping the highest `seq`.
 * With the server's upsert by (id, seq) a response is neither lost nor counted twice.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const key = options.key ?? OUTBOX_KEY;
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 50;
  const maxAgeMs = options.maxAgeMs ?? 30 * 24 * 60 * 60 * 1000;
  const lock = options.lock ?? localLock();
  const report = (event: OutboxEvent) => {
    try {
      options.onEvent?.(event);
    } catch {
      // A listener's failure must not stop delivery.
    }
  };

  function read(): Entry[] {
    const raw = options.storage.getItem(key);
    if (raw === null) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      return discardAll(error);
    }
    const candidates = storedEntries(parsed);
    if (!candidates) return discardAll(new Error('onepoint: the stored outbox is not { v: 1, entries: [...] }'));
    const entries: Entry[] = [];
    for (const candidate of candidates) {
      const entry = entrySchema.safeParse(candidate);
      if (entry.success) entries.push(entry.data);
    }
    const discarded = candidates.length - entries.length;
    if (discarded > 0) {
      report({ type: 'corrupt', discarded });
      write(entries);
    }
    return entries;
  }

  function discardAll(error: unknown): Entry[] {
    options.storage.removeItem(key);
    report({ type: 'corrupt', discarded: 1, error });
    return [];
  }

  function write(entries: Entry[]): void {
    if (entries.length === 0) options.storage.removeItem(key);
    else options.storage.setItem(key, JSON.stringify({ v: 1, entries }));
  }

  /** Drops what is too old or too many, reporting each. */
  function bounded(entries: Entry[]): Entry[] {
    const fresh = entries.filter((entry) => {
      if (now() - entry.queuedAt <= maxAgeMs) return true;
      report({ type: 'dropped', id: entry.payload.id, seq: entry.payload.seq, reason: 'expired' });
      return false;
    });
    const overflow = fresh.length - maxEntries;
    for (const entry of fresh.slice(0, Math.max(0, overflow))) {
      report({ type: 'dropped', id: entry.payload.id, seq: entry.payload.seq, reason: 'overflow' });
    }
    return overflow > 0 ? fresh.slice(overflow) : fresh;
  }

  /** Removes `id` if what is stored is not newer than `seq`. */
  function settle(id: string, seq: number): void {
    const entries = read();
    const kept = entries.filter((entry) => entry.payload.id !== id || entry.payload.seq > seq);
    if (kept.length !== entries.length) write(kept);
  }

  /** One pass over what waits. `false` when a failure worth retrying stopped it. */
  async function deliverPass(result: FlushResult): Promise<boolean> {
    const entries = bounded(read());
    write(entries);
    for (const { payload } of entries) {
      try {
        const ack = await options.send(payload);
        settle(payload.id, payload.seq);
        result.delivered++;
        report({ type: 'delivered', id: payload.id, seq: payload.seq, ack });
      } catch (error) {
        if (isRetryable(error)) {
          report({ type: 'retry-later', id: payload.id, error });
          return false;
        }
        settle(payload.id, payload.seq);
        report({ type: 'dropped', id: payload.id, seq: payload.seq, reason: 'rejected', error });
      }
    }
    return true;
  }

  /** Passes until nothing new arrived during the last one (states queued meanwhile, other tabs' entries). */
  async function deliverAll(result: FlushResult): Promise<boolean> {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      requested = false;
      if (!(await deliverPass(result))) return false;
      // Done when nothing waits, or when a second look found nothing that was asked for meanwhile.
      if (read().length === 0 || (pass > 0 && !requested)) return true;
    }
    return true;
  }

  const schedule = options.schedule ?? defaultSchedule;
  let cancelRetry: (() => void) | undefined;
  let retryMs = RETRY_FIRST_MS;
  function retryIn(ms: number) {
    cancelRetry?.();
    cancelRetry = schedule(() => {
      cancelRetry = undefined;
      void outbox.flush();
    }, ms);
  }

  /**
   * The network is back (or the page is visible again): send now, or as soon as the flush in
   * flight settles — it may be failing on the old conditions — instead of after the backoff.
   */
  function retryNow(): void {
    retryMs = RETRY_FIRST_MS;
    void (inFlight ?? Promise.resolve()).then(() => outbox.flush());
  }

  let inFlight: Promise<FlushResult> | undefined;
  let requested = false;

  const outbox: Outbox = {
    put(payload) {
      stashResponse(options.storage, payload, now(), key);
      write(bounded(read()));
    },
    flush() {
      if (inFlight) {
        requested = true;
        return inFlight;
      }
      // A flush that starts makes a scheduled retry moot; it schedules its own if it fails.
      cancelRetry?.();
      cancelRetry = undefined;
      inFlight = (async () => {
        const result: FlushResult = { delivered: 0, waiting: 0, ran: false };
        let finished = true;
        try {
          result.ran = await lock.run(async () => {
            finished = await deliverAll(result);
          });
        } catch (error) {
          finished = false;
          report({ type: 'retry-later', error });
        } finally {
          inFlight = undefined;
        }
        result.waiting = read().length;
        if (!result.ran && result.waiting > 0) retryIn(LOCK_BUSY_MS); // another tab is flushing
        else if (!finished) {
          retryIn(retryMs);
          retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
        } else retryMs = RETRY_FIRST_MS;
        return result;
      })();
      return inFlight;
    },
    flushOnUnload() {
      if (!options.sendOnUnload) return;
      for (const { payload } of read()) {
        try {
          options.sendOnUnload(payload);
        } catch (error) {
          report({ type: 'retry-later', id: payload.id, error });
        }
      }
    },
    pending: () => read().map((entry) => entry.payload),
    attach(target, doc) {
      const online = () => retryNow();
      const hide = () => outbox.flushOnUnload();
      const visibility = () => (doc?.visibilityState === 'hidden' ? hide() : online());
      target.addEventListener('online', online);
      target.addEventListener('pagehide', hide);
      doc?.addEventListener('visibilitychange', visibility);
      return () => {
        target.removeEventListener('online', online);
        target.removeEventListener('pagehide', hide);
        doc?.removeEventListener('visibilitychange', visibility);
      };
    },
  };
  return outbox;
}
