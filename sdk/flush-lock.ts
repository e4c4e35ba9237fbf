import type { KeyValueStorage } from './storage.ts';

/** Lets one flusher at a time run, across tabs where the platform allows. */
export interface FlushLock {
  /** Runs `task` if the lock is free; resolves `false` without running it otherwise. */
  run(task: () => Promise<void>): Promise<boolean>;
}

/** Within one page only: enough for Node and for tests. */
export function localLock(): FlushLock {
  let busy = false;
  return {
    async run(task) {
      if (busy) return false;
      busy = true;
      try {
        await task();
        return true;
      } finally {
        busy = false;
      }
    },
  };
}

/** Across tabs of one origin, with the Web Locks API. */
export function webLock(locks: LockManager, name: string): FlushLock {
  return {
    run: (task) =>
      locks.request(name, { ifAvailable: true }, async (lock) => {
        if (!lock) return false;
        await task();
        return true;
      }),
  };
}

interface Lease {
  owner: string;
  until: number;
}

function readLease(raw: string | null): Lease | undefined {
  if (raw === null) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && 'owner' in value && 'until' in value) {
      const { owner, until } = value;
      if (typeof owner === 'string' && typeof until === 'number') return { owner, until };
    }
  } catch {
    // A torn or foreign value is treated as no lease: it expires the same way.
  }
  return undefined;
}

/**
 * Across tabs without Web Locks: a lease in shared storage. A tab that dies holding it
 * blocks the others for `leaseMs` at most; a flush longer than that may overlap another,
 * which the server's (id, seq) upsert makes harmless.
 */
export function storageLease(storage: KeyValueStorage, key: string, owner: string, now: () => number, leaseMs = 10_000): FlushLock {
  const local = localLock();
  return {
    run: (task) => {
      const held = readLease(storage.getItem(key));
      if (held && held.owner !== owner && held.until > now()) return Promise.resolve(false);
      storage.setItem(key, JSON.stringify({ owner, until: now() + leaseMs }));
      if (readLease(storage.getItem(key))?.owner !== owner) return Promise.resolve(false);
      return local.run(async () => {
        try {
          await task();
        } finally {
          if (readLease(storage.getItem(key))?.owner === owner) storage.removeItem(key);
        }
      });
    },
  };
}

/** Web Locks where the browser has them, a storage lease otherwise. */
export function crossTabLock(storage: KeyValueStorage, owner: string, now: () => number = Date.now): FlushLock {
  const locks = globalThis.navigator?.locks;
  return locks ? webLock(locks, 'onepoint:outbox') : storageLease(storage, 'onepoint:outbox-lease', owner, now);
}
