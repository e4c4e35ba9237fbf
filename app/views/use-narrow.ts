import { useEffect, useState } from 'preact/hooks';

/** Where the app's layout turns to one column (styles.css has the same width). */
const NARROW = '(max-width: 600px)';

/**
 * Whether the window is narrow (a phone), following it as it changes: a list renders the one
 * layout that shows (cards or a table), not both with one hidden.
 */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const changed = () => setNarrow(query.matches);
    changed();
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return narrow;
}
