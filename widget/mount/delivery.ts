import { browserStorage, createClient, createOutbox, crossTabLock, randomUuid, type Client, type KeyValueStorage, type Outbox, type OutboxEvent, type SurveyConfig } from '../../sdk/index.ts';
import { createImpressions, type Impressions } from './impressions.ts';

export interface Delivery {
  client: Client;
  outbox: Outbox;
  /** The page's survey displays, for the response rate. */
  impressions: Impressions;
  dispose(): void;
}

export interface DeliveryOptions {
  storage?: KeyValueStorage;
  fetch?: typeof fetch;
  window?: Window;
  onEvent?: (event: OutboxEvent) => void;
}

/**
 * The SDK client and durable outbox for one collector, flushing at start-up, on `online`,
 * on visibility and on `pagehide`; and the page's display counts, sent at the same moments.
 */
export function createDelivery(config: Pick<SurveyConfig, 'endpoint' | 'siteKey'>, options: DeliveryOptions = {}): Delivery {
  const win = options.window ?? window;
  const storage = options.storage ?? browserStorage();
  const navigatorRef = win.navigator;
  const client = createClient({
    endpoint: config.endpoint,
    siteKey: config.siteKey,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(typeof navigatorRef.sendBeacon === 'function' ? { sendBeacon: (url: string, body: Blob) => navigatorRef.sendBeacon(url, body) } : {}),
  });
  const outbox = createOutbox({
    storage,
    send: (payload) => client.submit(payload),
    sendOnUnload: (payload) => client.submitOnUnload(payload),
    lock: crossTabLock(storage, randomUuid()),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  });
  const detach = outbox.attach(win, win.document);
  void outbox.flush();
  const impressions = createImpressions(config, win);
  return {
    client,
    outbox,
    impressions,
    dispose() {
      detach();
      impressions.dispose();
    },
  };
}
