/**
 * Runs `work` over `items` with at most `limit` calls in flight, results in input order.
 *
 * Load tests use it instead of one `Promise.all` over every item: a thousand fetches started at
 * once open a thousand sockets in the same instant, more than the server's listen backlog (511 in
 * Node). While a starved process leaves the accept queue full, the kernel drops handshakes and
 * later resets them (`read ECONNRESET` in the client), so such a test measures the machine's load,
 * not the code. Keep `limit` well under the backlog.
 * @example await mapBounded(posts, 100, (payload) => send(url, payload))
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
