import { describe, expect, it } from 'vitest';
import { memoryStorage, resilientStorage, type KeyValueStorage } from '../../sdk/index.ts';

function quotaStorage(capacity: number): KeyValueStorage {
  const inner = memoryStorage();
  let used = 0;
  return {
    getItem: inner.getItem,
    removeItem: inner.removeItem,
    setItem(key, value) {
      if (used + value.length > capacity) throw new DOMException('full', 'QuotaExceededError');
      used += value.length;
      inner.setItem(key, value);
    },
  };
}

describe('resilientStorage', () => {
  it('passes through to a working storage', () => {
    const primary = memoryStorage();
    const storage = resilientStorage(() => primary);
    storage.setItem('onepoint:a', '1');
    expect(primary.getItem('onepoint:a')).toBe('1');
    expect(storage.getItem('onepoint:a')).toBe('1');
  });

  it('falls back to memory when storage is disabled (access throws), reporting once', () => {
    const reports: unknown[] = [];
    const storage = resilientStorage(() => {
      throw new DOMException('denied', 'SecurityError');
    }, (error) => reports.push(error));
    storage.setItem('onepoint:a', '1');
    storage.setItem('onepoint:b', '2');
    expect(storage.getItem('onepoint:a')).toBe('1');
    storage.removeItem('onepoint:a');
    expect(storage.getItem('onepoint:a')).toBeNull();
    expect(reports).toHaveLength(1);
  });

  it('keeps a value that does not fit in memory, and reads it from there', () => {
    const small = quotaStorage(5);
    const storage = resilientStorage(() => small);
    storage.setItem('small', '123');
    storage.setItem('big', '123456789');
    expect(storage.getItem('small')).toBe('123');
    expect(storage.getItem('big')).toBe('123456789');
  });

  it('treats a missing storage like a disabled one', () => {
    const storage = resilientStorage(() => undefined);
    storage.setItem('k', 'v');
    expect(storage.getItem('k')).toBe('v');
  });
});
