import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorNote } from './notice.tsx';

/**
 * A screen whose code loads when it is first shown: a chunk of its own, off the app's first load
 * (a budget: 60 KB gzip). Loaded once; later visits render at once.
 * @example const SettingsScreen = lazy(() => import('./settings.tsx').then((m) => m.SettingsScreen));
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> & { preload(): void } {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  /** The screen's code, fetched once; a failure is forgotten, so a later visit tries again (a deploy replaced the chunk, the network blinked). */
  const fetchScreen = () =>
    (loading ??= load().then(
      (found) => (loaded = found),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  const screen = function LazyScreen(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (component) return;
      let live = true;
      fetchScreen().then(
        (found) => live && setComponent(() => found),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, []);
    if (failed) return <ErrorNote>This screen could not be loaded: reload the page to try again.</ErrorNote>;
    if (!component) return <p class="lede" role="status">Loading…</p>;
    const Loaded = component;
    return <Loaded {...props} />;
  };
  return Object.assign(screen, {
    /** Fetches the screen's code ahead of its first showing (a failure is retried when it shows). */
    preload: () => void fetchScreen().catch(() => undefined),
  });
}
