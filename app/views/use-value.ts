import type { ReadonlySignal } from '@preact/signals-core';
import { useEffect, useMemo, useReducer, useRef } from 'preact/hooks';

/**
 * A signal's value, re-rendering the component when it changes. The app's models are
 * `@preact/signals-core` (no Preact in them); this is the one binding the views need.
 */
export function useValue<T>(source: ReadonlySignal<T>): T {
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const value = source.peek();
  const rendered = useRef(value);
  rendered.current = value;
  useEffect(
    () =>
      // subscribe calls back at once with the current value (effects run after paint, so it may
      // have changed since this render) and then on every change: render again when it differs.
      source.subscribe((next) => {
        if (!Object.is(next, rendered.current)) rerender(0);
      }),
    [source],
  );
  return value;
}

/** A model made for this component, disposed when it goes (its late answers then change nothing). */
export function useModel<M extends { dispose(): void }>(create: () => M, keys: unknown[] = []): M {
  const model = useMemo(create, keys);
  useEffect(() => () => model.dispose(), [model]);
  return model;
}
