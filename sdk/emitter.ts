/** A listener that throws is reported, never allowed to break the emitter or its caller. */
export type ListenerErrorHandler = (error: unknown) => void;

export interface Emitter<M> {
  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof M>(name: K, listener: (payload: M[K]) => void): () => void;
  off<K extends keyof M>(name: K, listener: (payload: M[K]) => void): void;
  emit<K extends keyof M>(name: K, payload: M[K]): void;
  /** Removes every listener. */
  clear(): void;
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
  return {
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => this.off(name, listener);
    },
    off(name, listener) {
      listeners.get(name)?.delete(listener);
    },
    emit(name, payload) {
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          (listener as (payload: M[typeof name]) => void)(payload);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    clear: () => listeners.clear(),
  };
}

function defaultReport(error: unknown): void {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
}
