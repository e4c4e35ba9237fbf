import { afterEach, describe, expect, it } from 'vitest';
import { createClient, HttpError, InvalidAnswerError, InvalidInputError, NetworkError, TimeoutError } from '../../sdk/index.ts';
import { makePayload } from '../helpers/payload.ts';
import { refusedUrl, startScriptedServer, type Reply } from '../helpers/scripted-server.ts';
import { failure } from '../helpers/failure.ts';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/**
 * A client of a scripted server, with fake sleeps. Its per-attempt timeout is the SDK's default,
 * never a short one: on a loaded machine an ordinary loopback exchange can take longer than a
 * few hundred ms, and a timed-out attempt is retried, so a short timeout changes what is sent.
 * Only the timeout test shortens it, against a server that never answers.
 */
async function setup(replies: Reply[], retry: { limit: number } | false = { limit: 3 }, timeoutMs = 10_000) {
  const server = await startScriptedServer(replies);
  servers.push(server);
  const sleeps: number[] = [];
  const attempts: string[] = [];
  const client = createClient({
    endpoint: `${server.url}/`,
    siteKey: 'pk_test1234',
    timeoutMs,
    retry,
    fetch: (input, init) => {
      attempts.push(String(input instanceof Request ? input.url : input));
      return globalThis.fetch(input, init);
    },
    random: () => 0.5,
    now: () => Date.parse('2026-11-22T10:00:00Z'),
    sleep: async (ms) => void sleeps.push(ms),
  });
  return { server, client, sleeps, attempts };
}


const ack = (payload: { id: string; seq: number }) => ({ id: payload.id, seq: payload.seq, segment: 'promoter' });
const errorBody = (code: string) => ({ error: { code, message: code, issues: [{ path: 'score', message: 'must be at most 10' }] } });

describe('client.submit against a real server', () => {
  it('200: posts JSON to /v1/responses and resolves with the typed ack', async () => {
    const payload = makePayload();
    const { client, server } = await setup([{ body: ack(payload) }]);
    await expect(client.submit(payload)).resolves.toEqual(ack(payload));
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({ method: 'POST', url: '/v1/responses', contentType: 'application/json' });
    expect(JSON.parse(server.received[0]?.body ?? '')).toEqual(payload);
  });

  it('fills in the site key when the draft has none', async () => {
    const { siteKey: _omitted, ...draft } = makePayload();
    const { client, server } = await setup([{ body: ack(draft) }]);
    await client.submit(draft);
    expect(JSON.parse(server.received[0]?.body ?? '').siteKey).toBe('pk_test1234');
  });

  it.each([400, 401, 403, 413])('%i: final — one request, an HttpError carrying the parsed body', async (status) => {
    const { client, server, sleeps } = await setup([{ status, body: errorBody(`e${status}`) }]);
    const error = await failure(client.submit(makePayload()));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ name: 'HttpError', status, retryable: false, body: errorBody(`e${status}`) });
    expect(server.received).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it.each([
    ['a dotted string', 'user.email', 'user.email'],
    ['an array of keys', ['user', 'email'], 'user.email'],
    ['an array with an index', ['drivers', 2], 'drivers.2'],
    ['an empty array', [], '(root)'],
  ])('keeps an error body whose issue path is %s, as HttpError.body with a dotted path', async (_label, path, dotted) => {
    const { client } = await setup([{ status: 400, body: { error: { code: 'invalid_response', message: 'no', issues: [{ path, message: 'is wrong', code: 'custom' }], extra: true } } }]);
    const error = await failure(client.submit(makePayload()));
    expect(error).toMatchObject({ name: 'HttpError', status: 400 });
    expect((error as HttpError).body).toEqual({ error: { code: 'invalid_response', message: 'no', issues: [{ path: dotted, message: 'is wrong' }] } });
  });

  it('drops an error body that is not the contract at all, keeping the status', async () => {
    const { client } = await setup([{ status: 400, body: { error: { code: 'x', issues: [{ path: { nested: true }, message: 'no' }] } } }]);
    const error = await failure(client.submit(makePayload()));
    expect(error).toMatchObject({ name: 'HttpError', status: 400, body: undefined });
  });

  it.each([408, 500, 503])('%i: retried with backoff, then succeeds', async (status) => {
    const payload = makePayload();
    const { client, server, sleeps } = await setup([{ status }, { status }, { body: ack(payload) }]);
    await expect(client.submit(payload)).resolves.toEqual(ack(payload));
    expect(server.received).toHaveLength(3);
    expect(sleeps).toEqual([375, 750]);
  });

  it('500 beyond the retry limit: HttpError after limit + 1 attempts', async () => {
    const { client, server } = await setup([{ status: 500, body: errorBody('internal') }]);
    const error = await failure(client.submit(makePayload()));
    expect(error).toMatchObject({ name: 'HttpError', status: 500, retryable: true });
    expect(server.received).toHaveLength(4);
  });

  it('429 with Retry-After in seconds waits what the server asked', async () => {
    const payload = makePayload();
    const { client, sleeps } = await setup([{ status: 429, headers: { 'retry-after': '3' } }, { body: ack(payload) }]);
    await client.submit(payload);
    expect(sleeps).toEqual([3000]);
  });

  it('429 with Retry-After as an HTTP date waits until then', async () => {
    const payload = makePayload();
    const { client, sleeps } = await setup([{ status: 429, headers: { 'retry-after': 'Sun, 22 Nov 2026 10:00:12 GMT' } }, { body: ack(payload) }]);
    await client.submit(payload);
    expect(sleeps).toEqual([12_000]);
  });

  it('caps a Retry-After that asks for too long', async () => {
    const payload = makePayload();
    const { client, sleeps } = await setup([{ status: 429, headers: { 'retry-after': '86400' } }, { body: ack(payload) }]);
    await client.submit(payload);
    expect(sleeps).toEqual([30_000]);
  });

  it('timeout: a TimeoutError once retries are spent', async () => {
    // Attempts are counted at the client: an attempt aborted before its request reached the
    // server (a starved event loop) is still an attempt.
    const { client, attempts, sleeps } = await setup([{ hang: true }], { limit: 1 }, 300);
    const error = await failure(client.submit(makePayload()));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ name: 'TimeoutError', timeoutMs: 300, retryable: true });
    expect(attempts).toHaveLength(2);
    expect(sleeps).toEqual([375]);
  });

  it('connection refused: a NetworkError with the cause', async () => {
    const client = createClient({ endpoint: await refusedUrl(), siteKey: 'pk_test1234', retry: false });
    const error = await failure(client.submit(makePayload()));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.cause).toBeDefined();
  });

  it('invalid input: InvalidInputError naming the field, and no request at all', async () => {
    const { client, server } = await setup([{ body: {} }]);
    const error = await failure(client.submit(makePayload({ score: 12 })));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toMatch(/score must be at most 10/);
    expect(server.received).toHaveLength(0);
  });

  it('rejects a body over the size limit before sending', async () => {
    const { client, server } = await setup([{ body: {} }]);
    const error = await failure(client.submit(makePayload({ comment: '\u{1F600}'.repeat(5000), followUp: '\u{1F600}'.repeat(5000) })));
    expect(error).toMatchObject({ name: 'InvalidInputError' });
    expect(error.message).toMatch(/bytes; the limit is 32768/);
    expect(server.received).toHaveLength(0);
  });

  it('a 200 whose body breaks the contract: InvalidAnswerError', async () => {
    const { client } = await setup([{ body: { ok: true } }]);
    expect(await failure(client.submit(makePayload()))).toBeInstanceOf(InvalidAnswerError);
  });

  it('an error status with a non-JSON body still gives an HttpError, without a body', async () => {
    const { client } = await setup([{ status: 403, body: '<html>nope</html>' }]);
    expect(await failure(client.submit(makePayload()))).toMatchObject({ name: 'HttpError', status: 403, body: undefined });
  });
});

describe('client.eligibility', () => {
  it('asks the collector with siteKey and userId and validates the answer', async () => {
    const { client, server } = await setup([{ body: { eligible: false, nextEligibleAt: '2027-02-01T00:00:00.000Z' } }]);
    await expect(client.eligibility('user 1')).resolves.toEqual({ eligible: false, nextEligibleAt: '2027-02-01T00:00:00.000Z' });
    expect(server.received[0]).toMatchObject({ method: 'GET', url: '/v1/eligibility?siteKey=pk_test1234&userId=user+1' });
  });
});

describe('client.dismiss', () => {
  it('posts the dismissal of an identified user, retrying a 503', async () => {
    const { client, server } = await setup([{ status: 503 }, { status: 204 }]);
    await client.dismiss('user-7');
    expect(server.received).toHaveLength(2);
    expect(server.received[1]).toMatchObject({ method: 'POST', url: '/v1/dismissals' });
    expect(JSON.parse(server.received[1]?.body ?? '')).toEqual({ siteKey: 'pk_test1234', userId: 'user-7' });
  });
});

describe('client.submitOnUnload', () => {
  it('uses a text/plain beacon when the browser offers one', () => {
    const beacons: { url: string; type: string }[] = [];
    const client = createClient({ endpoint: 'https://c.example', siteKey: 'pk_test1234', sendBeacon: (url, body) => (beacons.push({ url, type: body.type }), true) });
    expect(client.submitOnUnload(makePayload())).toBe('beacon');
    expect(beacons).toEqual([{ url: 'https://c.example/v1/responses', type: 'text/plain' }]);
  });

  it('falls back to a keepalive fetch when the beacon is refused', async () => {
    const { server } = await setup([{ body: {} }]);
    const client = createClient({ endpoint: server.url, siteKey: 'pk_test1234', sendBeacon: () => false });
    expect(client.submitOnUnload(makePayload())).toBe('keepalive');
    // Fire and forget: nothing to await but the server's record, which a loaded machine delays past poll's default 1 s.
    await expect.poll(() => server.received.length, { timeout: 10_000 }).toBe(1);
    expect(server.received[0]?.contentType).toBe('text/plain');
  });
});
