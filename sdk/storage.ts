/** The slice of the Web Storage API the SDK uses; `localStorage` fits as it is. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A storage that lives as long as the page. */
export function memoryStorage(): KeyValueStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, String(value)),
    removeItem: (key) => void values.delete(key),
  };
}

/**
 * Wraps a storage that may throw — disabled (`SecurityError` on access), full (`QuotaExceededError`),
 * or missing — so that nothing ever throws: a value that cannot be written is kept in memory
 * for the rest of the page's life, and read from there first.
 * @param primary called on each use, since merely touching `window.localStorage` can throw
 * @param onFallback told once, the first time memory has to stand in
 */
export function resilientStorage(primary: () => KeyValueStorage | undefined, onFallback?: (error: unknown) => void): KeyValueStorage {
  const memory = memoryStorage();
  const shadowed = new Set<string>();
  let reported = false;
  const fallback = (error: unknown) => {
    if (!reported) onFallback?.(error);
    reported = true;
  };
  return {
    getItem(key) {
      if (shadowed.has(key)) return memory.getItem(key);
      try {
        return primary()?.getItem(key) ?? null;
      } catch (error) {
        fallback(error);
        return null;
      }
    },
    setItem(key, value) {
      try {
        const store = primary();
        if (!store) throw new Error('no storage available');
        store.setItem(key, value);
        shadowed.delete(key);
        memory.removeItem(key);
      } catch (error) {
        fallback(error);
        shadowed.add(key);
        memory.setItem(key, value);
      }
    },
    removeItem(key) {
      shadowed.delete(key);
      memory.removeItem(key);
      try {
        primary()?.removeItem(key);
      } catch (error) {
        fallback(error);
      }
    },
  };
}

/**
 * The lightest wrapper: reads give `null` and writes do nothing when `storage` throws. For the
 * script-tag loader, which only reads and marks; whatever must persist goes through
 * {@link resilientStorage}.
 */
export function quietStorage(storage: () => KeyValueStorage): KeyValueStorage {
  const attempt = <T>(action: (store: KeyValueStorage) => T, fallback: T): T => {
    try {
      return action(storage());
    } catch {
      return fallback;
    }
  };
  return {
    getItem: (key) => attempt((store) => store.getItem(key), null),
    setItem: (key, value) => attempt((store) => store.setItem(key, value), undefined),
    removeItem: (key) => attempt((store) => store.removeItem(key), undefined),
  };
}

/** `localStorage` when usable, memory otherwise. Browser only; safe to call anywhere. */
export function browserStorage(onFallback?: (error: unknown) => void): KeyValueStorage {
  return resilientStorage(() => globalThis.localStorage, onFallback);
}
