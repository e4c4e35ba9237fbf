import { describe, expect, it } from 'vitest';
import { clientIp, parseTrustProxy, type TrustProxy } from '../../server/http/client-ip.ts';
import { readEnv } from '../../server/env.ts';

function trust(text: string): TrustProxy {
  const parsed = parseTrustProxy(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

describe('clientIp: X-Forwarded-For read from the right, past trusted proxies', () => {
  const xff = '6.6.6.6, 198.51.100.9, 10.1.2.3';

  it('TRUST_PROXY=0: the socket address, whatever the header says', () => {
    expect(clientIp(xff, '10.0.0.1', trust('0'))).toBe('10.0.0.1');
    expect(clientIp(xff, '10.0.0.1', false)).toBe('10.0.0.1');
  });

  it.each([
    ['1', '10.1.2.3'],
    ['2', '198.51.100.9'],
    ['3', '6.6.6.6'],
    // More hops configured than sent: the farthest hop there is.
    ['9', '6.6.6.6'],
  ])('TRUST_PROXY=%s hops picks %s', (hops, expected) => {
    expect(clientIp(xff, '10.0.0.1', trust(hops))).toBe(expected);
  });

  it('true means one hop, never the leftmost', () => {
    expect(clientIp(xff, '10.0.0.1', true)).toBe('10.1.2.3');
  });

  it('addresses and CIDRs: walks from the right while the hop is trusted', () => {
    const list = trust('10.0.0.0/8,127.0.0.1');
    expect(clientIp(xff, '127.0.0.1', list)).toBe('198.51.100.9');
    // The client's own left hops are never reached once an untrusted hop is found.
    expect(clientIp('10.9.9.9, 203.0.113.5, 10.0.0.2', '10.0.0.3', list)).toBe('203.0.113.5');
    // A socket that is not a trusted proxy: its header is not believed at all.
    expect(clientIp(xff, '192.0.2.1', list)).toBe('192.0.2.1');
    // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d.
    expect(clientIp(xff, '::ffff:127.0.0.1', list)).toBe('198.51.100.9');
    expect(clientIp(undefined, '::ffff:192.0.2.7', list)).toBe('192.0.2.7');
  });

  it('IPv6 hops and IPv6 CIDRs', () => {
    const list = trust('fd00::/8, ::1');
    expect(clientIp('2001:db8::bad, 2001:db8::1, fd00::2', '::1', list)).toBe('2001:db8::1');
    expect(clientIp('2001:db8::bad, 2001:db8::1', '::1', trust('1'))).toBe('2001:db8::1');
    expect(clientIp('2001:db8::1', '::1', trust('loopback'))).toBe('2001:db8::1');
    expect(clientIp('2001:db8::1', 'fe80::1', trust('loopback'))).toBe('fe80::1');
  });

  it('a hop that is not an address is not trusted, and stops the walk there', () => {
    expect(clientIp('6.6.6.6, garbage', '127.0.0.1', trust('127.0.0.1'))).toBe('garbage');
  });
});

describe('TRUST_PROXY in the environment', () => {
  it.each([
    ['10.0.0.0/33', /TRUST_PROXY "10.0.0.0\/33" has a prefix length/],
    ['1.2.3', /TRUST_PROXY "1.2.3" is not an IP address or CIDR/],
    ['true', /TRUST_PROXY "true" is not an IP address/],
    ['10.0.0.0/8,,', /TRUST_PROXY "" is not an IP address/],
    ['1000', /TRUST_PROXY must be at most 100 proxy hops/],
  ])('%j is refused with a clear line', (value, message) => {
    expect(() => readEnv({ TRUST_PROXY: value })).toThrow(message);
  });

  it('defaults to 0 (the socket address) and reads hops and lists', () => {
    expect(readEnv({}).TRUST_PROXY).toBe(0);
    expect(readEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    const list = readEnv({ TRUST_PROXY: 'uniquelocal' }).TRUST_PROXY;
    expect(clientIp('203.0.113.5, 172.20.0.4', '192.168.1.1', list)).toBe('203.0.113.5');
  });
});
