import type { ReadonlySignal } from '@preact/signals-core';
import { useEffect, useMemo, useReducer } from 'preact/hooks';

/**
 * A signal's value, re-rendering the component when it changes. The app's models are
 * `@preact/signals-core` (no Preact in them); this is the one binding the views need.
 */
export function useValue<T>(source: ReadonlySignal<T>): T {
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    let first = true;
    // subscribe calls back at once with the current value: render again only if it changed since.
    const seen = source.peek();
    return source.subscribe((value) => {
      if (first && Object.is(value, seen)) {
        first = false;
        return;
      }
      first = false;
      rerender(0);
    });
  }, [source]);
  return source.value;
}

/** A model made for this component, disposed when it goes (its late answers then change nothing). */
export function useModel<M extends { dispose(): void }>(create: () => M, keys: unknown[] = []): M {
  const model = useMemo(create, keys);
  useEffect(() => () => model.dispose(), [model]);
  return model;
}
