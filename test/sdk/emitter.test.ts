import { describe, expect, it } from 'vitest';
import { createEmitter, type EventMap } from '../../sdk/index.ts';

describe('createEmitter', () => {
  it('delivers typed payloads to listeners until removed', () => {
    const events = createEmitter<EventMap>();
    const seen: number[] = [];
    const off = events.on('scored', ({ score }) => seen.push(score));
    events.emit('scored', { id: 'a', score: 9, segment: 'promoter' });
    off();
    events.emit('scored', { id: 'a', score: 3, segment: 'detractor' });
    expect(seen).toEqual([9]);
  });

  it('reports a throwing listener and still calls the others', () => {
    const errors: unknown[] = [];
    const events = createEmitter<EventMap>((error) => errors.push(error));
    let called = false;
    events.on('closed', () => {
      throw new Error('host bug');
    });
    events.on('closed', () => (called = true));
    expect(() => events.emit('closed', { completed: true })).not.toThrow();
    expect(called).toBe(true);
    expect(errors).toHaveLength(1);
  });
});
