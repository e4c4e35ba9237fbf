import { describe, expect, it } from 'vitest';
import { localLock, memoryStorage, storageLease } from '../../sdk/index.ts';

describe('flush locks', () => {
  it('localLock lets one task run at a time', async () => {
    const lock = localLock();
    let release!: () => void;
    const first = lock.run(() => new Promise<void>((resolve) => (release = resolve)));
    await expect(lock.run(async () => undefined)).resolves.toBe(false);
    release();
    await expect(first).resolves.toBe(true);
    await expect(lock.run(async () => undefined)).resolves.toBe(true);
  });

  it('storageLease keeps a second tab out while the first holds the lease', async () => {
    const shared = memoryStorage();
    let now = 1000;
    const tabA = storageLease(shared, 'lease', 'a', () => now);
    const tabB = storageLease(shared, 'lease', 'b', () => now);
    let release!: () => void;
    const running = tabA.run(() => new Promise<void>((resolve) => (release = resolve)));
    await expect(tabB.run(async () => undefined)).resolves.toBe(false);
    release();
    await running;
    await expect(tabB.run(async () => undefined)).resolves.toBe(true);
  });

  it('storageLease lets another tab in once a dead tab’s lease expires', async () => {
    const shared = memoryStorage();
    let now = 0;
    shared.setItem('lease', JSON.stringify({ owner: 'dead', until: 10_000 }));
    const tab = storageLease(shared, 'lease', 'b', () => now);
    await expect(tab.run(async () => undefined)).resolves.toBe(false);
    now = 10_001;
    await expect(tab.run(async () => undefined)).resolves.toBe(true);
  });

  it('storageLease treats a garbled lease as free', async () => {
    const shared = memoryStorage();
    shared.setItem('lease', '{oops');
    await expect(storageLease(shared, 'lease', 'b', () => 0).run(async () => undefined)).resolves.toBe(true);
  });
});
