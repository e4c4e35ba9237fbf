import type { Emitter } from '../../sdk/emitter.ts';
import { InvalidInputError } from '../../sdk/invalid-input-error.ts';
import { surveyConfigSchema } from '../../sdk/schemas/config.ts';
import type { EventMap } from '../../sdk/schemas/events.ts';
import { browserStorage } from '../../sdk/storage.ts';
import { parseOrThrow } from '../../sdk/validate.ts';
import type { Delivery } from '../mount/delivery.ts';
import { mountSurvey, type SurveyController } from '../mount/mount-survey.tsx';

/** What the loader asks for when it decides to show the survey. */
export interface OpenRequest {
  config: Record<string, unknown>;
  identity?: unknown;
  trigger: 'auto' | 'show' | 'event';
  focus: boolean;
  events: Emitter<EventMap>;
  onClosed: () => void;
}

// This chunk is loaded once per page: one delivery per collector, shared by every survey shown.
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

/** Shows the survey. Never throws: a bad configuration becomes one console error and an `error` event. */
export function open(request: OpenRequest): SurveyController | undefined {
  try {
    const config = parseOrThrow(surveyConfigSchema, request.config, 'survey configuration');
    const identity = request.identity;
    const controller = mountSurvey(null, config, {
      ...(isRecord(identity) ? { identity } : {}),
      focus: request.focus,
      trigger: request.trigger,
      events: request.events,
      delivery: deliveryFor(config),
    });
    controller.on('closed', request.onClosed);
    return controller;
  } catch (error) {
    report(request.events, error);
    request.onClosed();
    return undefined;
  }
}

/** Starts delivering responses left in the outbox by an earlier page. */
export function deliverPending(config: Record<string, unknown>, events: Emitter<EventMap>): void {
  try {
    const parsed = surveyConfigSchema.safeParse(config);
    if (parsed.success) void deliveryFor(parsed.data).catch((error: unknown) => report(events, error));
  } catch (error) {
    report(events, error);
  }
}

function report(events: Emitter<EventMap>, error: unknown): void {
  if (error instanceof InvalidInputError) {
    const issue = error.issues[0];
    console.error(`onepoint: ${error.message}. Nothing was shown; fix the ${issue?.path ?? 'configuration'} setting (see the README's configuration reference).`);
    events.emit('error', { code: 'invalid_config', message: error.message, ...(issue ? { field: issue.path } : {}) });
  } else {
    console.error('onepoint: the survey could not be shown.', error);
    events.emit('error', { code: 'internal', message: error instanceof Error ? error.message : String(error) });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
