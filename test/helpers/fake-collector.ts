import { HttpError, NetworkError, segmentOf, type Ack, type ResponsePayload } from '../../sdk/index.ts';

/** How the fake collector treats one request. */
export type Outcome = 'ok' | 'lost-request' | 'lost-ack' | 'http-500' | 'http-400';

/**
 * An in-memory stand-in for the collector's upsert-by-(id, seq), with a scripted fault per
 * request. For unit tests of the logic around delivery; the real collector is tested on its own.
 */
export function fakeCollector() {
  const rows = new Map<string, ResponsePayload>();
  const received: { id: string; seq: number }[] = [];
  let outcomes: Outcome[] = [];
  let beforeAnswer: (() => void) | undefined;

  async function send(payload: ResponsePayload): Promise<Ack> {
    const outcome = outcomes.shift() ?? 'ok';
    await Promise.resolve();
    const hook = beforeAnswer;
    beforeAnswer = undefined;
    hook?.();
    if (outcome === 'lost-request') throw new NetworkError('fake');
    if (outcome === 'http-500') throw new HttpError('fake', 500, undefined);
    if (outcome === 'http-400') throw new HttpError('fake', 400, { error: { code: 'invalid' } });
    received.push({ id: payload.id, seq: payload.seq });
    const held = rows.get(payload.id);
    if (!held || held.seq <= payload.seq) rows.set(payload.id, payload);
    if (outcome === 'lost-ack') throw new NetworkError('fake');
    return { id: payload.id, seq: payload.seq, segment: segmentOf(payload.score) };
  }

  return {
    rows,
    received,
    send,
    /** The faults of the next requests, in order; afterwards every request succeeds. */
    script(next: Outcome[]) {
      outcomes = [...next];
    },
    /** From now on every request succeeds and nothing runs in flight. */
    heal() {
      outcomes = [];
      beforeAnswer = undefined;
    },
    /** Runs once, while the next request is in flight. */
    duringNextRequest(hook: () => void) {
      beforeAnswer = hook;
    },
  };
}
