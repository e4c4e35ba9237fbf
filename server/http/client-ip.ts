import { BlockList, isIP } from 'node:net';

/**
 * Which proxies in front of the collector to believe, as Express's `trust proxy` does:
 * `false`/`0` — none, the socket's address is the client; a number N — the N nearest hops are
 * yours (`true` is 1); a {@link BlockList} — every hop whose address it holds is yours.
 */
export type TrustProxy = boolean | number | BlockList;

// Express's names for the usual private ranges.
const NAMED_RANGES: Record<string, readonly string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/**
 * Reads `TRUST_PROXY`: `0`, a hop count, or a comma-separated list of addresses, CIDRs and the
 * names `loopback`, `linklocal`, `uniquelocal`. Answers why when it is none of these.
 * @example parseTrustProxy('10.0.0.0/8,127.0.0.1') // { ok: true, value: BlockList }
 */
export function parseTrustProxy(text: string): { ok: true; value: TrustProxy } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const hops = Number(trimmed);
    return hops <= 100 ? { ok: true, value: hops } : { ok: false, message: 'must be at most 100 proxy hops' };
  }
  const list = new BlockList();
  const entries = trimmed.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const problem = addEntry(list, entry);
    if (problem) return { ok: false, message: `${JSON.stringify(entry)} ${problem}; use 0, a number of proxy hops, or addresses/CIDRs such as 10.0.0.0/8,127.0.0.1` };
  }
  return { ok: true, value: list };
}

function addEntry(list: BlockList, entry: string): string | undefined {
  const named = NAMED_RANGES[entry.toLowerCase()];
  if (named) {
    for (const range of named) addEntry(list, range);
    return undefined;
  }
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return 'is not an IP address or CIDR';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (prefix === undefined) {
    list.addAddress(address, type);
    return undefined;
  }
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
  if (!(bits <= (family === 4 ? 32 : 128))) return `has a prefix length that is not 0–${family === 4 ? 32 : 128}`;
  list.addSubnet(address, bits, type);
  return undefined;
}

/**
 * The client's address, for rate limits. `X-Forwarded-For` is read from the right: each proxy
 * appends the address it was called from, so only the hops your own proxies wrote can be
 * believed; the leftmost ones are whatever the client chose to send.
 */
export function clientIp(forwardedFor: string | undefined, socketAddress: string | undefined, trust: TrustProxy): string {
  const socket = socketAddress ? plain(socketAddress) : 'unknown';
  if (trust === false || trust === 0 || !forwardedFor) return socket;
  // Nearest first: the socket, then the hops from right to left (Express's proxy-addr order).
  const chain = [socket, ...forwardedFor.split(',').map((hop) => plain(hop.trim())).filter(Boolean).reverse()];
  const trusted = typeof trust === 'object' ? (address: string) => isTrusted(trust, address) : (_address: string, index: number) => index < (trust === true ? 1 : trust);
  for (let index = 0; index < chain.length - 1; index++) {
    if (!trusted(chain[index] ?? '', index)) return chain[index] ?? socket;
  }
  // Every hop was trusted: the farthest one is the best answer there is.
  return chain[chain.length - 1] ?? socket;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** `::ffff:10.0.0.1` → `10.0.0.1` (a dual-stack socket's IPv4 client); at most 64 characters for a bucket key. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return (mapped?.[1] ?? address).slice(0, 64);
}
