import { render } from 'preact';
// Straight from the modules, not the SDK index: the client and ky stay in the delivery chunk.
import type { Emitter } from '../../sdk/emitter.ts';
import { randomUuid } from '../../sdk/ids.ts';
import { stashResponse } from '../../sdk/outbox-store.ts';
import type { SurveyConfig } from '../../sdk/schemas/config.ts';
import type { Identity } from '../../sdk/schemas/identity.ts';
import type { EventMap } from '../../sdk/schemas/events.ts';
import { browserStorage, resilientStorage, type KeyValueStorage } from '../../sdk/storage.ts';
import { fill, isRtl, loadMessages, pickLocale } from '../i18n/index.ts';
import { createSurveyModel, type ModelChange, type SurveyModel } from '../model/survey-model.ts';
import { anonymousId, countShown, updateVisitor } from '../shared/visitor-store.ts';
import { Context, type Platform } from '../views/context.ts';
import { Survey } from '../views/survey.tsx';
import type { Delivery } from './delivery.ts';
import { adoptMoreStyles, adoptStyles } from './stylesheets.ts';

export interface MountOptions {
  /** The logged-in user (`identify`). */
  identity?: Identity | Record<string, unknown>;
  /** Move focus into the survey when it opens: true when a user action opened it. @default false */
  focus?: boolean;
  /** Why it opened, reported in the `shown` event. @default "inline" for an element, "show" otherwise */
  trigger?: EventMap['shown']['trigger'];
  /** Share an emitter with the caller (the script tag does). */
  events?: Emitter<EventMap>;
  /**
   * Where responses wait (the outbox) and the visitor is remembered. One storage for both, so
   * that a response kept in memory while localStorage refuses writes is the one that is sent.
   * @default localStorage, memory when it refuses
   */
  storage?: KeyValueStorage;
  /** Clipboard and Web Share; defaults to the browser's. */
  platform?: Platform;
  /** @default Date.now */
  now?: () => number;
}

export interface SurveyController {
  /** Listens to `shown`, `scored`, `submitted`, `dismissed`, `closed`, `error`. */
  on: Emitter<EventMap>['on'];
  /** Resolves once the survey is on screen. */
  ready: Promise<void>;
  /** Closes as the respondent's close button would. */
  close(): void;
  /** Removes the survey and its listeners at once. */
  destroy(): void;
  /** The survey's state, once `ready`. */
  readonly model: SurveyModel | undefined;
}

let instances = 0;

/**
 * {@link MountOptions} once the identity has passed its schema, with the emitter made by the
 * caller (the script tag shares its own; `mountSurvey` makes one), so this chunk needs none.
 */
export type RenderOptions = Omit<MountOptions, 'identity' | 'events'> & {
  identity?: Identity | undefined;
  events: Emitter<EventMap>;
  /**
   * A delivery (client + outbox) shared by the script tag between its surveys, made with the
   * same `storage`. @default one made for this survey, with `storage`
   */
  delivery?: Promise<Delivery>;
};

/**
 * Renders a survey whose configuration (and identity) already passed the SDK's schemas: see
 * `mountSurvey`, which checks them first. The script tag checks them on its own, so that the code
 * that words a bad field's error loads only when there is one.
 */
export function renderSurvey(element: Element | null, config: SurveyConfig, options: RenderOptions): SurveyController {
  const { identity, events } = options;
  const doc = element?.ownerDocument ?? document;
  const win = doc.defaultView ?? window;
  const now = options.now ?? Date.now;
  const storage = options.storage ?? browserStorage();
  // The delivery code (client, outbox, ky) is its own chunk, fetched as the survey shows.
  const delivery = options.delivery ?? import('./delivery.ts').then((module) => module.createDelivery(config, { window: win, storage }));
  delivery.catch(() => undefined);

  const host = element ?? doc.createElement('onepoint-survey');
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  shadow.replaceChildren();
  adoptStyles(shadow, config.accent);
  const locale = pickLocale([config.locale, doc.documentElement.lang, ...(win.navigator.languages ?? [])]);
  const root = doc.createElement('div');
  root.className = 'root';
  root.dataset.theme = config.theme;
  root.dataset.position = config.position;
  if (element) root.dataset.inline = '';
  root.dir = isRtl(locale) ? 'rtl' : 'ltr';
  root.lang = locale;
  shadow.append(root);
  if (!element) doc.body.append(host);

  // Where focus goes back to when the survey closes with focus inside it: what had focus when it
  // opened (a modal opened by a click), or what the respondent left to enter it (Tab).
  let returnFocus: HTMLElement | null = doc.activeElement instanceof win.HTMLElement && doc.activeElement !== doc.body ? doc.activeElement : null;
  host.addEventListener('focusin', (event) => {
    const from = (event as FocusEvent).relatedTarget;
    if (from instanceof win.HTMLElement && !host.contains(from) && from !== host) returnFocus = from;
  });
  let destroyed = false;

  const notify = (change: ModelChange) => {
    if (change.type === 'scored') {
      updateVisitor(storage, { lastRespondedAt: now() });
      events.emit('scored', { id: change.id, score: change.score, segment: change.segment });
    } else if (change.type === 'submitted') {
      const { id, seq, status, score } = change.payload;
      events.emit('submitted', { id, seq, status, score, segment: change.segment });
    } else if (change.type === 'dismissed') {
      if (change.step === 'score') {
        updateVisitor(storage, { lastDismissedAt: now() });
        // Identified: the collector remembers it too, for the user's other devices (best effort).
        if (identity) void delivery.then((ready) => ready.client.dismiss(identity.userId)).catch(() => undefined);
      }
      events.emit('dismissed', change.id === undefined ? { step: change.step } : { id: change.id, step: change.step });
    } else {
      events.emit('closed', change.id === undefined ? { completed: change.completed } : { id: change.id, completed: change.completed });
      teardown();
    }
  };

  const platform: Platform = options.platform ?? {
    ...(win.navigator.clipboard ? { copyText: (text: string) => win.navigator.clipboard.writeText(text) } : {}),
    ...(typeof win.navigator.share === 'function' ? { share: (data: ShareData) => win.navigator.share(data) } : {}),
  };

  function teardown() {
    if (destroyed) return;
    destroyed = true;
    const focusWasInside = shadow.activeElement !== null;
    render(null, root);
    if (element) shadow.replaceChildren();
    else host.remove();
    if (focusWasInside && returnFocus?.isConnected) returnFocus.focus();
    if (!options.delivery) void delivery.then((ready) => ready.dispose()).catch(() => undefined);
  }

  let model: SurveyModel | undefined;
  const ready = loadMessages(locale, config.messages).then((t) => {
    if (destroyed) return;
    const current = createSurveyModel({
      config,
      identity,
      // Durable at once, even before the delivery chunk has arrived; sent as soon as it has.
      deliver: (payload) => {
        stashResponse(storage, payload, now());
        void delivery.then((ready) => ready.outbox.flush()).catch(() => undefined);
      },
      newId: () => randomUuid(),
      anonymousId: anonymousId(storage, () => randomUuid()),
      locale,
      pageUrl: win.location.href,
      now,
      notify,
    });
    model = current;
    const say = (text: string, values: Record<string, string | number> = {}) => fill(text, { product: config.product, ...values });
    const modal = !element && config.position === 'center';
    render(
      <Context.Provider value={{ model: current, t, say, platform, idPrefix: `op${++instances}`, rtl: isRtl(locale), adoptCss: (css) => adoptMoreStyles(shadow, css) }}>
        <Survey focusOnOpen={options.focus ?? false} modal={modal} />
      </Context.Provider>,
      root,
    );
    countShown(sessionStore(win));
    events.emit('shown', { surveyId: config.surveyId, trigger: options.trigger ?? (element ? 'inline' : 'show') });
  });

  ready.catch(() => teardown());
  return {
    on: events.on,
    ready,
    get model() {
      return model;
    },
    close: () => (model ? model.actions.dismiss() : teardown()),
    destroy: teardown,
  };
}

function sessionStore(win: Window) {
  return resilientStorage(() => win.sessionStorage);
}
