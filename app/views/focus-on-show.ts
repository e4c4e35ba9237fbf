import { useEffect, useRef } from 'preact/hooks';

/**
 * A ref whose element takes focus when `shown` turns true: a confirmation that replaces the
 * button pressed to ask for it, so keyboard and screen-reader users land in it, not on the page.
 */
export function useFocusOnShow<T extends HTMLElement>(shown: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  return ref;
}
