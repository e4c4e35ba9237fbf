import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOutbox, memoryStorage, type OutboxEvent } from '../../sdk/index.ts';
import { fakeCollector, type Outcome } from '../helpers/fake-collector.ts';
import { makePayload } from '../helpers/payload.ts';

function setup(options: { now?: () => number; maxEntries?: number } = {}) {
  const storage = memoryStorage();
  const server = fakeCollector();
  const events: OutboxEvent[] = [];
  const outbox = createOutbox({ storage, send: server.send, onEvent: (event) => events.push(event), ...options });
  return { storage, server, events, outbox };
}

describe('outbox', () => {
  it('keeps one entry per response id, at the highest seq', () => {
    const { outbox } = setup();
    const first = makePayload({ seq: 1 });
    outbox.put(first);
    outbox.put({ ...first, seq: 3, comment: 'newest' });
    outbox.put({ ...first, seq: 2, comment: 'stale' });
    expect(outbox.pending()).toEqual([{ ...first, seq: 3, comment: 'newest' }]);
  });

  it('delivers and empties itself, reporting each delivery', async () => {
    const { outbox, server, events } = setup();
    outbox.put(makePayload());
    outbox.put(makePayload());
    await expect(outbox.flush()).resolves.toEqual({ delivered: 2, waiting: 0, ran: true });
    expect(server.rows.size).toBe(2);
    expect(events.map((event) => event.type)).toEqual(['delivered', 'delivered']);
  });

  it('keeps entries through a network failure and delivers them on the next flush', async () => {
    const { outbox, server } = setup();
    outbox.put(makePayload());
    server.script(['lost-request']);
    await expect(outbox.flush()).resolves.toMatchObject({ delivered: 0, waiting: 1 });
    await expect(outbox.flush()).resolves.toMatchObject({ delivered: 1, waiting: 0 });
  });

  it('drops a response the server rejects for good (4xx), and says so', async () => {
    const { outbox, server, events } = setup();
    const bad = makePayload();
    outbox.put(bad);
    server.script(['http-400']);
    await outbox.flush();
    expect(outbox.pending()).toEqual([]);
    expect(events).toContainEqual(expect.objectContaining({ type: 'dropped', id: bad.id, reason: 'rejected' }));
  });

  it('a newer state queued while an older one is in flight is kept, and sent by that same flush', async () => {
    const { outbox, server } = setup();
    const payload = makePayload({ seq: 1 });
    outbox.put(payload);
    server.duringNextRequest(() => {
      outbox.put({ ...payload, seq: 2, status: 'complete' });
      void outbox.flush(); // what the widget does after each put: coalesced into the running flush
    });
    await expect(outbox.flush()).resolves.toMatchObject({ delivered: 2, waiting: 0 });
    expect(server.received.map((request) => request.seq)).toEqual([1, 2]);
    expect(server.rows.get(payload.id)?.status).toBe('complete');
  });

  it('schedules its own retry: soon when another tab holds the lock, with backoff after failures', async () => {
    const scheduled: number[] = [];
    const server = fakeCollector();
    const busy = { run: async () => false };
    const blocked = createOutbox({ storage: memoryStorage(), send: server.send, lock: busy, schedule: (_task, ms) => (scheduled.push(ms), () => undefined) });
    blocked.put(makePayload());
    await blocked.flush();
    expect(scheduled).toEqual([2000]);
    scheduled.length = 0;
    const failing = createOutbox({ storage: memoryStorage(), send: server.send, schedule: (_task, ms) => (scheduled.push(ms), () => undefined) });
    failing.put(makePayload());
    server.script(['lost-request', 'lost-request']);
    await failing.flush();
    await failing.flush();
    expect(scheduled).toEqual([15_000, 30_000]);
    await failing.flush();
    expect(failing.pending()).toEqual([]);
  });

  it('back online while a failing flush is in flight: sends right after it, not at the end of the backoff', async () => {
    const scheduled: number[] = [];
    const server = fakeCollector();
    const outbox = createOutbox({ storage: memoryStorage(), send: server.send, schedule: (_task, ms) => (scheduled.push(ms), () => undefined) });
    const target = new EventTarget();
    outbox.attach(target);
    outbox.put(makePayload());
    server.script(['lost-request']);
    server.duringNextRequest(() => target.dispatchEvent(new Event('online')));
    await outbox.flush();
    expect(scheduled).toEqual([15_000]);
    await expect.poll(() => outbox.pending().length).toBe(0);
    expect(server.rows.size).toBe(1);
  });

  it('survives a reload: a new outbox over the same storage delivers what the old one queued', async () => {
    const { storage, server } = setup();
    createOutbox({ storage, send: server.send }).put(makePayload());
    await createOutbox({ storage, send: server.send }).flush();
    expect(server.rows.size).toBe(1);
  });

  it('discards and reports corrupt storage instead of throwing', async () => {
    const { storage, outbox, events } = setup();
    storage.setItem('onepoint:outbox', '{not json');
    expect(outbox.pending()).toEqual([]);
    expect(events).toEqual([expect.objectContaining({ type: 'corrupt', discarded: 1 })]);
    storage.setItem('onepoint:outbox', JSON.stringify({ v: 1, entries: [{ payload: makePayload(), queuedAt: 1 }, { payload: { score: 'ten' }, queuedAt: 1 }] }));
    expect(outbox.pending()).toHaveLength(1);
    expect(events.at(-1)).toEqual({ type: 'corrupt', discarded: 1 });
    for (const envelope of [{ v: 2, entries: [] }, { v: 1, entries: {} }, [makePayload()], null]) {
      storage.setItem('onepoint:outbox', JSON.stringify(envelope));
      expect(outbox.pending()).toEqual([]);
      expect(events.at(-1)).toMatchObject({ type: 'corrupt', discarded: 1, error: expect.objectContaining({ message: expect.stringContaining('v: 1') }) });
      expect(storage.getItem('onepoint:outbox')).toBeNull();
    }
  });

  it('is bounded by count and by age, reporting what it drops', () => {
    let now = 0;
    const { outbox, events } = setup({ now: () => now, maxEntries: 2 });
    const [a, b, c] = [makePayload(), makePayload(), makePayload()];
    outbox.put(a);
    outbox.put(b);
    outbox.put(c);
    expect(outbox.pending().map((p) => p.id)).toEqual([b.id, c.id]);
    expect(events).toContainEqual({ type: 'dropped', id: a.id, seq: 1, reason: 'overflow' });
    now = 31 * 24 * 60 * 60 * 1000;
    outbox.put(makePayload());
    expect(events.filter((event) => event.type === 'dropped' && event.reason === 'expired')).toHaveLength(2);
  });

  it('coalesces concurrent flushes into one', async () => {
    const { outbox, server } = setup();
    outbox.put(makePayload());
    const [one, two] = await Promise.all([outbox.flush(), outbox.flush()]);
    expect(one).toBe(two);
    expect(server.received).toHaveLength(1);
  });

  it('hands everything to the unload transport on pagehide and flushes when back online', async () => {
    const sent: string[] = [];
    const server = fakeCollector();
    const outbox = createOutbox({ storage: memoryStorage(), send: server.send, sendOnUnload: (p) => (sent.push(p.id), 'beacon') });
    const target = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    const detach = outbox.attach(target, doc);
    const payload = makePayload();
    outbox.put(payload);
    target.dispatchEvent(new Event('pagehide'));
    expect(sent).toEqual([payload.id]);
    expect(outbox.pending()).toHaveLength(1); // kept until acknowledged: a re-send is harmless
    target.dispatchEvent(new Event('online'));
    await expect.poll(() => outbox.pending().length).toBe(0);
    detach();
    outbox.put(makePayload());
    target.dispatchEvent(new Event('pagehide'));
    expect(sent).toHaveLength(1);
  });

  it('property: under any interleaving of updates, faults, retries and acks, the server never sees a lower seq after a higher one, and ends with every latest state exactly once', async () => {
    const outcome = fc.constantFrom<Outcome>('ok', 'lost-request', 'lost-ack', 'http-500');
    const step = fc.oneof(
      fc.record({ kind: fc.constant('update' as const), response: fc.nat(3) }),
      fc.record({ kind: fc.constant('flush' as const), faults: fc.array(outcome, { maxLength: 4 }) }),
      fc.record({ kind: fc.constant('update-in-flight' as const), response: fc.nat(3), faults: fc.array(outcome, { maxLength: 3 }) }),
      fc.constant({ kind: 'reload' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 30 }), async (steps) => {
        const storage = memoryStorage();
        const server = fakeCollector();
        let outbox = createOutbox({ storage, send: server.send });
        const responses = [0, 1, 2, 3].map(() => makePayload({ seq: 0 }));
        const latest = new Map<string, number>();
        const update = (index: number) => {
          const base = responses[index % responses.length];
          if (!base) return;
          const seq = (latest.get(base.id) ?? 0) + 1;
          latest.set(base.id, seq);
          outbox.put({ ...base, seq, score: seq % 11, status: seq > 2 ? 'complete' : 'partial' });
        };
        for (const s of steps) {
          if (s.kind === 'update') update(s.response);
          else if (s.kind === 'reload') outbox = createOutbox({ storage, send: server.send });
          else {
            server.script(s.faults);
            if (s.kind === 'update-in-flight') server.duringNextRequest(() => update(s.response));
            await outbox.flush();
          }
        }
        server.heal();
        await outbox.flush();

        expect(outbox.pending()).toEqual([]);
        const highest = new Map<string, number>();
        for (const { id, seq } of server.received) {
          expect(seq).toBeGreaterThanOrEqual(highest.get(id) ?? 0);
          highest.set(id, seq);
        }
        expect(new Map([...server.rows].map(([id, row]) => [id, row.seq]))).toEqual(latest);
      }),
      { numRuns: 300 },
    );
  });
});
