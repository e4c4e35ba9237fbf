import { batch, signal } from '@preact/signals-core';
import { toFailure, type Failure } from './failure.ts';

/**
 * One kind of call a model makes, with its `busy` and `failure` signals: `run` clears the last
 * failure, keeps it when the call fails (never throws), and after `dispose` no late answer
 * changes anything (the screen that asked has gone).
 */
export function createTask() {
  const busy = signal(false);
  const failure = signal<Failure | undefined>(undefined);
  let disposed = false;
  return {
    busy,
    failure,
    /** Runs `call`; its result, or `undefined` when it failed or the model was disposed meanwhile. */
    async run<T>(call: () => Promise<T>): Promise<T | undefined> {
      batch(() => {
        busy.value = true;
        failure.value = undefined;
      });
      try {
        const result = await call();
        if (disposed) return undefined;
        busy.value = false;
        return result;
      } catch (error) {
        if (disposed) return undefined;
        batch(() => {
          busy.value = false;
          failure.value = toFailure(error);
        });
        return undefined;
      }
    },
    get disposed() {
      return disposed;
    },
    dispose() {
      disposed = true;
    },
  };
}
export type Task = ReturnType<typeof createTask>;
