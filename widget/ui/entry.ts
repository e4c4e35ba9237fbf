import type { Emitter } from '../../sdk/emitter.ts';
import { surveyConfigSchema, type SurveyConfig } from '../../sdk/schemas/config.ts';
import type { EventMap } from '../../sdk/schemas/events.ts';
import type { Identity } from '../../sdk/schemas/identity.ts';
import { browserStorage } from '../../sdk/storage.ts';
import type { Delivery } from '../mount/delivery.ts';
import { renderSurvey } from '../mount/render-survey.tsx';
import { check } from './rejected.ts';

/** What the loader asks for when it decides to show the survey. */
export interface OpenRequest {
  config: Record<string, unknown>;
  identity?: unknown;
  /** The collector's eligibility answer for an identified user, unchecked: it may carry notices (SPEC §12). */
  answer?: unknown;
  trigger: 'auto' | 'show' | 'event';
  focus: boolean;
  events: Emitter<EventMap>;
  onClosed: () => void;
}

// This chunk is loaded once per page: one delivery per collector, shared by every survey shown,
// and one storage, so that what the survey stashes is what the outbox reads even when it is memory.
const deliveries = new Map<string, Promise<Delivery>>();
const storage = browserStorage();

function deliveryFor(config: { endpoint: string; siteKey: string }): Promise<Delivery> {
  const key = `${config.endpoint} ${config.siteKey}`;
  let delivery = deliveries.get(key);
  if (!delivery) {
    delivery = import('../mount/delivery.ts').then((module) => module.createDelivery(config, { storage }));
    deliveries.set(key, delivery);
  }
  return delivery;
}

/**
 * Shows the survey. Never throws: a bad configuration or identity becomes one console error and
 * an `error` event, and nothing is shown. The identity's schema is fetched only for identified
 * users, so an anonymous visitor's first view does not pay for it.
 */
export function open(request: OpenRequest): void {
  // A published change's notice (SPEC §12) comes in its own chunk, only for those who have one.
  const notices = isObject(request.answer) && request.answer.notices;
  const shown = Array.isArray(notices) && notices.length ? import('../notice/show-notice.ts').then((module) => void module.showNotice(request)) : show(request);
  void shown.catch((error: unknown) => {
    request.onClosed();
    return report(request.events, error);
  });
}

async function show(request: OpenRequest): Promise<void> {
  const config: SurveyConfig = check(surveyConfigSchema, request.config, 'survey configuration');
  let identity: Identity | undefined;
  if (request.identity !== undefined) {
    const { identitySchema } = await import('../../sdk/schemas/identity.ts');
    identity = check(identitySchema, request.identity, 'identity');
  }
  // A task of its own for the first render: evaluating this chunk and parsing the configuration
  // already fill one, and together they can pass 50 ms on a slow device (SPEC §8: no long task).
  await new Promise((resolve) => setTimeout(resolve));
  const controller = renderSurvey(null, config, {
    identity,
    focus: request.focus,
    trigger: request.trigger,
    events: request.events,
    delivery: deliveryFor(config),
    storage,
  });
  controller.on('closed', request.onClosed);
  // One display for the response rate; a test display is not one (test responses are left out too).
  if (!config.test) void deliveryFor(config).then((delivery) => delivery.impressions.shown(config.surveyId), () => undefined);
}

/** Starts delivering responses left in the outbox by an earlier page. */
export function deliverPending(config: Record<string, unknown>, events: Emitter<EventMap>): void {
  const parsed = surveyConfigSchema.safeParse(config);
  if (parsed.success) void deliveryFor(parsed.data).catch((error: unknown) => report(events, error));
}

/** Reports through its own chunk, which carries the words; a console line if even that fails. */
function report(events: Emitter<EventMap>, error: unknown): Promise<void> {
  return import('./report.ts').then(
    (module) => module.report(events, error),
    () => console.error('onepoint: the survey could not be shown.', error),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
