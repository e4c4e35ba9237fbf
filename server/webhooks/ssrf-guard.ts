import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { BlockedDestinationError } from './blocked-destination-error.ts';

/**
 * Addresses a webhook must never reach unless `WEBHOOK_ALLOW_PRIVATE=1`: this machine, its private
 * networks, link-local (cloud metadata at 169.254.169.254), and the special-purpose ranges. Node's
 * BlockList also matches IPv4-mapped IPv6 (`::ffff:127.0.0.1`) against the IPv4 rules.
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches the local host on Linux
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback (::1) and the old IPv4-compatible form
  ['64:ff9b::', 96], // NAT64: an IPv4 address behind a translator, private ones too
  ['64:ff9b:1::', 48],
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed by some)
  ['ff00::', 8], // multicast
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/**
 * Whether `address` (an IP literal, without brackets) is loopback, private, link-local or otherwise
 * not a public destination. Anything that is not an IP address counts as private: never connect to it.
 * @example isPrivateAddress('169.254.169.254') // true
 * @example isPrivateAddress('::ffff:10.0.0.1') // true
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The host of a URL as an address or name: `[::1]` becomes `::1`. */
export function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/**
 * What can be said of a destination without DNS: a reason it is refused (not http(s), a private IP
 * literal, a name that is this machine), or `undefined`. The address it resolves to is checked again
 * when connecting ({@link guardedLookup}).
 */
export function destinationProblem(url: string, allowPrivate: boolean): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'must be an http:// or https:// URL';
  if (parsed.username || parsed.password) return 'must not carry a user name or password';
  if (allowPrivate) return undefined;
  const host = hostOf(parsed).toLowerCase();
  if (isIP(host) && isPrivateAddress(host)) return `must not point at a loopback, link-local or private address (${host})`;
  if (host === 'localhost' || host.endsWith('.localhost')) return 'must not point at this machine (localhost)';
  return undefined;
}

/** Resolves a name to every address it has (`dns.lookup` with `all`), as the OS would. */
export type Resolve = (host: string) => Promise<LookupAddress[]>;

/** The system resolver (`/etc/hosts`, then DNS). */
export const systemResolve: Resolve = (host) => dnsLookup(host, { all: true, verbatim: true });

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for `http.request`/`net.connect` that resolves the name once, refuses it when any of
 * its addresses is private (unless `allowPrivate`), and hands the socket exactly the addresses it
 * checked: the connection goes where the check looked, so a second answer from DNS (rebinding) is
 * never asked for. Fails with {@link BlockedDestinationError}.
 */
export function guardedLookup(resolve: Resolve, allowPrivate: boolean) {
  return (host: string, options: LookupOptions, callback: LookupCallback): void => {
    const name = host.startsWith('[') ? host.slice(1, -1) : host;
    resolve(name).then(
      (found) => {
        const addresses = found.filter((entry) => !options.family || entry.family === options.family);
        const first = addresses[0];
        if (!first) return callback(Object.assign(new Error(`${name} has no address`), { code: 'ENOTFOUND' }), '', undefined);
        const blocked = allowPrivate ? undefined : addresses.find((entry) => isPrivateAddress(entry.address));
        if (blocked) return callback(new BlockedDestinationError(name, blocked.address, `${name} resolves to ${blocked.address}, a loopback, link-local or private address`), '', undefined);
        if (options.all) return callback(null, addresses);
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', undefined),
    );
  };
}
