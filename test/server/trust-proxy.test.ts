import { afterEach, describe, expect, it } from 'vitest';
import { parseTrustProxy, type TrustProxy } from '../../server/http/client-ip.ts';
import { makePayload } from '../helpers/payload.ts';
import { ENGINES, startTestCollector, type TestCollector } from '../helpers/collector.ts';

function trust(text: string): TrustProxy {
  const parsed = parseTrustProxy(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

// A burst of 30 and (almost) no refill: how many of a client's posts pass is the count of its bucket.
const RATE = { burst: 30, perSecond: 0.001 };

describe.each(ENGINES)('TRUST_PROXY: the rate limit cannot be walked around with X-Forwarded-For, on $name', ({ name, available }) => {
  if (!available) {
    it.skip(`needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)`, () => undefined);
    return;
  }
  let collector: TestCollector | undefined;
  afterEach(async () => {
    await collector?.dispose();
    collector = undefined;
  });

  async function burst(started: TestCollector, count: number, forwardedFor: (i: number) => string) {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < count; i++) {
      const response = await started.post(makePayload({ siteKey: started.site.publicKey }), { headers: { 'x-forwarded-for': forwardedFor(i) } });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
      await response.body?.cancel();
    }
    return { ok: statuses.filter((status) => status === 200).length, limited: statuses.filter((status) => status === 429).length, retryAfter };
  }

  it('TRUST_PROXY=1: 200 posts varying the leftmost hop pass only the burst of 30', async () => {
    collector = await startTestCollector(name, { rateLimit: RATE, trustProxy: trust('1') });
    const result = await burst(collector, 200, (i) => `198.18.${i >> 8}.${i & 255}, 203.0.113.7`);
    expect(result).toMatchObject({ ok: 30, limited: 170 });
    expect(Number(result.retryAfter)).toBeGreaterThanOrEqual(1);
  }, 60_000); // 200 posts one after another: past the default 5 s on a loaded machine

  it('TRUST_PROXY=2: the second hop from the right is the client, each with its own bucket', async () => {
    collector = await startTestCollector(name, { rateLimit: RATE, trustProxy: trust('2') });
    const first = await burst(collector, 40, (i) => `198.18.0.${i}, 203.0.113.7, 10.0.0.5`);
    expect(first).toMatchObject({ ok: 30, limited: 10 });
    const other = await burst(collector, 5, () => `203.0.113.8, 10.0.0.5`);
    expect(other).toMatchObject({ ok: 5, limited: 0 });
  });

  it('TRUST_PROXY=CIDRs: walks past trusted hops (IPv4 and IPv6) to the first untrusted one', async () => {
    collector = await startTestCollector(name, { rateLimit: RATE, trustProxy: trust('127.0.0.1,::1,10.0.0.0/8,fd00::/8') });
    const v4 = await burst(collector, 40, (i) => `198.18.0.${i}, 203.0.113.7, 10.0.0.5, 10.3.0.1`);
    expect(v4).toMatchObject({ ok: 30, limited: 10 });
    const v6 = await burst(collector, 40, (i) => `2001:db8:ffff::${i.toString(16)}, 2001:db8::7, fd00::1`);
    expect(v6).toMatchObject({ ok: 30, limited: 10 });
  });

  it('TRUST_PROXY=0 (default): the header is not believed at all', async () => {
    collector = await startTestCollector(name, { rateLimit: RATE });
    const spoofed = await burst(collector, 40, (i) => `203.0.113.${i}`);
    expect(spoofed).toMatchObject({ ok: 30, limited: 10 });
  });
});
