import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../server/env.ts';
import { destinationProblem, guardedSender, isPrivateAddress, type Resolve } from '../../server/webhooks/index.ts';
import { startReceiver } from '../helpers/webhook-receiver.ts';

// The SSRF guard (SPEC §11): http(s) only; never loopback, link-local or private addresses unless
// WEBHOOK_ALLOW_PRIVATE=1; checked on the address the socket connects to; redirects not followed.

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'febf::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    'not-an-address',
  ])('refuses %s', (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '192.169.0.1', '2606:4700::1111', '2a00:1450:4001::1', '::ffff:8.8.8.8'])('allows %s', (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );
});

describe('WEBHOOK_ALLOW_PRIVATE', () => {
  it('is off unless set to 1; anything else stops the start naming it', () => {
    expect(readEnv({}).WEBHOOK_ALLOW_PRIVATE).toBe(false);
    expect(readEnv({ WEBHOOK_ALLOW_PRIVATE: '0' }).WEBHOOK_ALLOW_PRIVATE).toBe(false);
    expect(readEnv({ WEBHOOK_ALLOW_PRIVATE: '1' }).WEBHOOK_ALLOW_PRIVATE).toBe(true);
    expect(() => readEnv({ WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(/WEBHOOK_ALLOW_PRIVATE/);
  });
});

describe('destinationProblem (before any DNS)', () => {
  it.each([
    ['ftp://hooks.example/x', /http/],
    ['file:///etc/passwd', /http/],
    ['gopher://hooks.example/', /http/],
    ['javascript:alert(1)', /http/],
    ['not a url', /absolute/],
    ['http://127.0.0.1:9000/', /private/],
    ['http://[::1]/', /private/],
    ['http://[::ffff:127.0.0.1]/', /private/],
    ['http://169.254.169.254/latest/meta-data/', /private/],
    ['http://0.0.0.0/', /private/],
    ['http://0x7f.1/', /private/], // the URL parser reads it as 127.0.0.1
    ['http://2130706433/', /private/],
    ['http://localhost:8080/', /localhost/],
    ['http://api.localhost/', /localhost/],
    ['https://user:pw@hooks.example/', /password/],
  ])('refuses %s', (url, reason) => expect(destinationProblem(url, false)).toMatch(reason));

  it('lets private addresses through with WEBHOOK_ALLOW_PRIVATE, never other schemes', () => {
    expect(destinationProblem('http://127.0.0.1:9000/', true)).toBeUndefined();
    expect(destinationProblem('http://localhost/', true)).toBeUndefined();
    expect(destinationProblem('ftp://127.0.0.1/', true)).toMatch(/http/);
    expect(destinationProblem('https://hooks.example/x', false)).toBeUndefined();
  });
});

describe('guardedSender against a real receiver on 127.0.0.1', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let other: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    other = await startReceiver(() => 200);
    receiver = await startReceiver((_n, request, response) => {
      if (request.headers['x-test'] === 'redirect') {
        response.writeHead(302, { location: other.url }).end('moved');
        return 'handled';
      }
      return 200;
    });
  });
  afterAll(async () => {
    await receiver.close();
    await other.close();
  });

  const port = () => new URL(receiver.url).port;
  const outgoing = (url: string, headers: Record<string, string> = {}) => ({ url, headers, body: '{}' });
  const signal = () => new AbortController().signal;
  /** A resolver that knows only these names, as a hostile DNS answer would. */
  const fakeDns = (names: Record<string, LookupAddress[]>): Resolve => async (host) => names[host] ?? Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));

  it('refuses a literal loopback address, and never connects', async () => {
    const before = receiver.received.length;
    const answer = await guardedSender({ allowPrivate: false, timeoutMs: 5000 })(outgoing(receiver.url), signal());
    expect(answer).toMatchObject({ status: null, excerpt: expect.stringMatching(/^refused: .*private/) });
    expect(receiver.received.length).toBe(before);
  });

  it('refuses a name that resolves to 127.0.0.1 (localhost through the system resolver, any name through DNS)', async () => {
    const before = receiver.received.length;
    const system = guardedSender({ allowPrivate: false, timeoutMs: 5000 });
    // localhost is refused by name already; the resolver is what catches names that only DNS knows.
    expect((await system(outgoing(`http://localhost:${port()}/hook`), signal())).excerpt).toMatch(/^refused: .*localhost/);
    const rebound = guardedSender({ allowPrivate: false, timeoutMs: 5000, resolve: fakeDns({ 'hooks.example': [{ address: '127.0.0.1', family: 4 }] }) });
    const answer = await rebound(outgoing(`http://hooks.example:${port()}/hook`), signal());
    expect(answer).toMatchObject({ status: null, excerpt: 'refused: hooks.example resolves to 127.0.0.1, a loopback, link-local or private address' });
    // One private address among public ones is enough to refuse: the socket could pick any of them.
    const mixed = guardedSender({ allowPrivate: false, timeoutMs: 5000, resolve: fakeDns({ 'hooks.example': [{ address: '93.184.216.34', family: 4 }, { address: '::ffff:169.254.169.254', family: 6 }] }) });
    expect((await mixed(outgoing(`http://hooks.example:${port()}/hook`), signal())).excerpt).toMatch(/resolves to ::ffff:169\.254\.169\.254/);
    expect(receiver.received.length).toBe(before);
  });

  it('connects to the very address it checked: a name only the injected resolver knows reaches the receiver', async () => {
    const before = receiver.received.length;
    const allowed = guardedSender({ allowPrivate: true, timeoutMs: 5000, resolve: fakeDns({ 'hooks.example': [{ address: '127.0.0.1', family: 4 }] }) });
    const answer = await allowed(outgoing(`http://hooks.example:${port()}/hook`), signal());
    expect(answer.status).toBe(200);
    expect(receiver.received.length).toBe(before + 1);
    expect(receiver.received.at(-1)?.headers.host).toBe(`hooks.example:${port()}`);
  });

  it('with WEBHOOK_ALLOW_PRIVATE, posts to 127.0.0.1 and localhost', async () => {
    const allowed = guardedSender({ allowPrivate: true, timeoutMs: 5000 });
    expect((await allowed(outgoing(receiver.url), signal())).status).toBe(200);
    expect((await allowed(outgoing(`http://localhost:${port()}/hook`), signal())).status).toBe(200);
  });

  it('never follows a redirect: the 302 is the answer, and its Location is never asked', async () => {
    const before = other.received.length;
    const answer = await guardedSender({ allowPrivate: true, timeoutMs: 5000 })(outgoing(receiver.url, { 'x-test': 'redirect' }), signal());
    expect(answer).toMatchObject({ status: 302, excerpt: 'moved' });
    expect(other.received.length).toBe(before);
  });

  it('keeps the first 500 characters of an answer, never half of one', async () => {
    const chatty = await startReceiver((_n, _request, response) => {
      response.writeHead(500).end(`x${'😀'.repeat(5000)}`);
      return 'handled';
    });
    const answer = await guardedSender({ allowPrivate: true, timeoutMs: 5000 })(outgoing(chatty.url), signal());
    await chatty.close();
    expect(answer.status).toBe(500);
    expect(Array.from(answer.excerpt)).toHaveLength(500);
    expect(answer.excerpt).toBe(`x${'😀'.repeat(499)}`);
  });

  it('a refused connection or no answer in time is an answer without a status, saying why', async () => {
    const closed = await startReceiver();
    const url = closed.url;
    await closed.close();
    const refused = await guardedSender({ allowPrivate: true, timeoutMs: 5000 })(outgoing(url), signal());
    expect(refused).toMatchObject({ status: null, excerpt: expect.stringMatching(/ECONNREFUSED/) });
    const silent = await startReceiver(() => 'handled');
    const late = await guardedSender({ allowPrivate: true, timeoutMs: 200 })(outgoing(silent.url), signal());
    expect(late).toMatchObject({ status: null, excerpt: 'no answer within 200 ms' });
    await silent.close();
  });
});
