/** Counts a page's survey displays and reports them once the page is hidden or left. */
export interface Impressions {
  /** One display of `surveyId`. */
  shown(surveyId: string): void;
  /** Sends what is counted now (the page is going away); also called on `pagehide` and when hidden. */
  flush(): void;
  dispose(): void;
}

/**
 * Survey displays for the response rate (`POST /v1/impressions`): anonymous counts, batched per
 * page and sent as a beacon when the page is hidden or left, so a display costs no request of its
 * own. `text/plain` keeps the beacon a simple request (no preflight). Never throws into the page.
 */
export function createImpressions(config: { endpoint: string; siteKey: string }, win: Window): Impressions {
  const counts = new Map<string, number>();
  const url = `${config.endpoint.replace(/\/+$/, '')}/v1/impressions`;
  const flush = () => {
    for (const [surveyId, count] of counts) {
      const body = JSON.stringify({ siteKey: config.siteKey, surveyId, count });
      try {
        if (!win.navigator.sendBeacon?.(url, new Blob([body], { type: 'text/plain' }))) void win.fetch(url, { method: 'POST', body, keepalive: true }).catch(() => undefined);
      } catch {
        // A page that broke fetch or beacons loses a count, never its own code.
      }
    }
    counts.clear();
  };
  const hidden = () => win.document.visibilityState === 'hidden' && flush();
  win.addEventListener('pagehide', flush);
  win.document.addEventListener('visibilitychange', hidden);
  return {
    shown: (surveyId) => void counts.set(surveyId, (counts.get(surveyId) ?? 0) + 1),
    flush,
    dispose() {
      win.removeEventListener('pagehide', flush);
      win.document.removeEventListener('visibilitychange', hidden);
    },
  };
}
