/** A listener that throws is reported, never allowed to break the emitter or its caller. */
export type ListenerErrorHandler = (error: unknown) => void;

export interface Emitter<M> {
  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof M>(name: K, listener: (payload: M[K]) => void): () => void;
  off<K extends keyof M>(name: K, listener: (payload: M[K]) => void): void;
  emit<K extends keyof M>(name: K, payload: M[K]): void;
}

/**
 * A small typed event emitter.
 * @param onListenerError where a throwing listener's error goes. @default globalThis.reportError,
 *   as the DOM does for event listeners
 * @example
 * const events = createEmitter<EventMap>();
 * events.on('submitted', ({ id, score }) => analytics.track('nps', { id, score }));
 */
export function createEmitter<M>(onListenerError: ListenerErrorHandler = defaultReport): Emitter<M> {
  const listeners = new Map<keyof M, Set<(payload: never) => void>>();
  const off: Emitter<M>['off'] = (name, listener) => void listeners.get(name)?.delete(listener);
  // Methods close over `listeners`, never `this`: `const { on } = emitter` works.
  return {
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => off(name, listener);
    },
    off,
    emit(name, payload) {
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          (listener as (payload: M[typeof name]) => void)(payload);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
  };
}

function defaultReport(error: unknown): void {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
}
