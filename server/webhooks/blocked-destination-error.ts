/**
 * A webhook destination the collector will not connect to: not http(s), or an address on this
 * machine or its private networks (SSRF). `address` is the one refused, after DNS resolution.
 */
export class BlockedDestinationError extends Error {
  override readonly name = 'BlockedDestinationError' as const;
  constructor(
    readonly host: string,
    readonly address: string | undefined,
    message: string,
  ) {
    super(message);
  }
}
