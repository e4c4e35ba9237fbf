import { describe, expect, it } from 'vitest';
import { createBackoff } from '../../server/http/failure-backoff.ts';

describe('createBackoff', () => {
  const options = { free: 2, baseSeconds: 1, maxSeconds: 8, forgetSeconds: 60 };

  it('lets the free failures through, then doubles the wait up to the cap', () => {
    let now = 0;
    const backoff = createBackoff(options, () => now);
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      waits.push(backoff.fail('a'));
      now += backoff.wait('a') * 1000;
    }
    expect(waits).toEqual([0, 0, 1, 2, 4, 8, 8]);
    expect(backoff.wait('b')).toBe(0);
  });

  it('answers the seconds still to wait, rounded up', () => {
    let now = 0;
    const backoff = createBackoff(options, () => now);
    for (let i = 0; i < 4; i++) backoff.fail('a');
    expect(backoff.wait('a')).toBe(2);
    now += 1500;
    expect(backoff.wait('a')).toBe(1);
    now += 500;
    expect(backoff.wait('a')).toBe(0);
  });

  it('forgets an address after a quiet period, and keeps memory to the addresses still failing', () => {
    let now = 0;
    const backoff = createBackoff(options, () => now);
    for (let i = 0; i < 5; i++) backoff.fail('a');
    now += 4000 + 60_001;
    expect(backoff.wait('a')).toBe(0);
    expect(backoff.size()).toBe(0);
    expect(backoff.fail('a')).toBe(0);
  });
});
