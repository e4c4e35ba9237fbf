import { describe, expect, it } from 'vitest';
import { knownOrigins } from '../../server/http/known-origins.ts';

/** A site list the test answers when it chooses, counting the loads. */
function sites() {
  let current: string[] = ['https://a.example'];
  const pending: (() => void)[] = [];
  let loads = 0;
  return {
    set: (origins: string[]) => (current = origins),
    release: () => pending.splice(0).forEach((go) => go()),
    loads: () => loads,
    list: () =>
      new Promise<{ origins: string[] }[]>((resolve) => {
        loads++;
        const seen = current;
        pending.push(() => resolve([{ origins: seen }]));
      }),
  };
}

describe('known origins (the CORS preflight’s list)', () => {
  it('keeps one load for its ttl, and reads afresh after forget', async () => {
    const list = sites();
    const isKnown = knownOrigins(list.list, 5000, () => 0);
    const first = isKnown('https://a.example');
    list.release();
    expect(await first).toBe(true);
    list.set(['https://b.example']);
    expect(await isKnown('https://b.example')).toBe(false); // cached: the same list
    expect(list.loads()).toBe(1);
    isKnown.forget();
    const after = isKnown('https://b.example');
    list.release();
    expect(await after).toBe(true);
    expect(list.loads()).toBe(2);
  });

  it('a load that began before forget does not bring the old list back', async () => {
    const list = sites();
    const isKnown = knownOrigins(list.list, 5000, () => 0);
    const stale = isKnown('https://a.example'); // reads ['https://a.example']
    list.set(['https://b.example']);
    isKnown.forget();
    list.release();
    await stale;
    const fresh = isKnown('https://b.example');
    list.release();
    expect(await fresh).toBe(true);
    expect(list.loads()).toBe(2);
  });
});
