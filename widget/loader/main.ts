import { createEmitter } from '../../sdk/emitter.ts';
import { decideEligibility, remainingDelay } from '../../sdk/eligibility.ts';
import type { EventMap } from '../../sdk/schemas/events.ts';
import { quietStorage } from '../../sdk/storage.ts';
import { hasPendingResponses, readVisitor, shownThisSession, updateVisitor } from '../shared/visitor-store.ts';
import type * as Ui from '../ui/entry.ts';
import { readAttributes } from './attributes.ts';
import { checkConfig, LOADER_DEFAULTS } from './check-config.ts';

/**
 * The script tag's entry: tiny and dependency-free. It reads `data-*`, drains the command queue,
 * decides eligibility and the trigger, and only then fetches the survey UI — once.
 */
type Command = [name: string, ...args: unknown[]];
/** The collector's eligibility answer as far as the loader reads it (its dates it leaves unread). */
type Answer = { eligible: boolean; notices?: unknown };
type Stub = ((...args: unknown[]) => void) & { q?: Iterable<unknown>[]; loaded?: boolean };

const win = window as Window & { onepoint?: Stub };
const script = document.currentScript as HTMLScriptElement | null;

try {
  if (!win.onepoint?.loaded) install();
} catch (error) {
  // Never into the host page.
  console.error('onepoint: could not start', error);
}

function install(): void {
  const loadedAt = Date.now();
  const local = quietStorage(() => win.localStorage);
  const session = quietStorage(() => win.sessionStorage);
  const events = createEmitter<EventMap>();
  const uiUrl = new URL('onepoint-ui.js', script?.src || location.href).href;
  let config: Record<string, unknown> | undefined;
  let identity: Record<string, unknown> | undefined;
  let remote: Promise<Answer | undefined> | undefined;
  let ui: Promise<typeof Ui> | undefined;
  let autoTimer: ReturnType<typeof setTimeout> | undefined;
  let open = false;

  const loadUi = () => (ui ??= import(/* @vite-ignore */ uiUrl) as Promise<typeof Ui>);

  function fail(code: string, message: string, field?: string): void {
    console.error(`onepoint: ${message}`);
    events.emit('error', { code, message, field });
  }

  function init(options: unknown): void {
    const merged = { ...(script ? readAttributes(script.dataset) : {}), ...config, ...(isObject(options) ? options : {}) };
    const problem = checkConfig(merged);
    if (problem) return fail('invalid_config', `${problem.message}; nothing is shown`, problem.field);
    config = merged;
    clearTimeout(autoTimer);
    if (hasPendingResponses(local)) void loadUi().then((module) => module.deliverPending(merged, events), () => undefined);
    if (merged.auto !== false) {
      const delay = typeof merged.delay === 'number' ? merged.delay : LOADER_DEFAULTS.delay;
      autoTimer = setTimeout(() => void show('auto'), remainingDelay(delay, loadedAt, Date.now()));
    }
  }

  async function verdictFor(current: Record<string, unknown>): Promise<Answer | undefined> {
    const userId = identity?.userId;
    if (typeof userId !== 'string') return;
    const query = new URLSearchParams({ siteKey: String(current.siteKey), userId });
    return (remote ??= fetch(`${String(current.endpoint).replace(/\/+$/, '')}/v1/eligibility?${query}`)
      .then((response) => (response.ok ? response.json() : undefined))
      // `eligible` decides here, and the UI chunk reads the rest (notices) with its schema; a
      // malformed answer counts as no answer.
      .then((body: unknown) => (isAnswer(body) ? body : undefined))
      .catch(() => undefined));
  }

  async function show(trigger: 'auto' | 'show' | 'event', force = false): Promise<void> {
    const current = config;
    if (!current || open) return;
    const focus = trigger !== 'auto' && Boolean(navigator.userActivation?.isActive);
    const test = current.test === true;
    const createdAt = identity?.createdAt;
    const answer = test || force ? undefined : await verdictFor(current);
    const verdict = decideEligibility({
      visitor: readVisitor(local),
      shownThisSession: shownThisSession(session),
      throttle: { ...LOADER_DEFAULTS.throttle, ...(isObject(current.throttle) ? current.throttle : {}) },
      sample: typeof current.sample === 'number' ? current.sample : LOADER_DEFAULTS.sample,
      now: Date.now(),
      random: Math.random,
      ...(typeof createdAt === 'string' || typeof createdAt === 'number' ? { userCreatedAt: new Date(createdAt).getTime() } : {}),
      remote: answer,
      test,
      force,
    });
    if (verdict.visitor.sampled !== undefined) updateVisitor(local, { sampled: verdict.visitor.sampled });
    // A published change's notice is shown whatever the survey's verdict (it is no survey): the UI
    // chunk finds it in the answer and shows it instead.
    if (!(verdict.eligible || answer?.notices) || open) return;
    open = true;
    const module = await loadUi().catch(() => undefined);
    if (!module) {
      open = false;
      return fail('load_failed', `could not load ${uiUrl}: serve it next to onepoint.js`);
    }
    module.open({ config: current, identity, answer, trigger, focus, events, onClosed: () => (open = false) });
  }

  const commands: Record<string, (...args: unknown[]) => void> = {
    init,
    identify(user) {
      if (!isObject(user) || !user.userId || typeof user.userId !== 'string') return fail('invalid_identity', 'identify needs { userId: "…" }', 'userId');
      identity = user;
      remote = undefined;
    },
    reset() {
      identity = remote = undefined;
    },
    track(name) {
      const triggers = config?.triggers;
      if (typeof name === 'string' && Array.isArray(triggers) && triggers.includes(name)) void show('event');
    },
    show(options) {
      void show('show', isObject(options) && options.force === true);
    },
    on(name, listener) {
      if (typeof name === 'string' && typeof listener === 'function') events.on(name as keyof EventMap, listener as (payload: unknown) => void);
    },
  };

  const api: Stub = (...args: unknown[]) => {
    try {
      const [name, ...rest] = args as Command;
      const command = commands[name];
      if (command) command(...rest);
      else fail('unknown_command', `unknown command ${String(name)}`);
    } catch (error) {
      fail('internal', String(error));
    }
  };
  api.loaded = true;

  const queued = win.onepoint?.q ?? [];
  win.onepoint = api;
  const calls = queued.map((call) => [...call]);
  const initQueued = calls.some((call) => call[0] === 'init');
  if (!initQueued && (script?.dataset.endpoint || script?.dataset.siteKey)) init({});
  for (const call of calls) api(...call);
}

function isAnswer(value: unknown): value is Answer {
  return isObject(value) && typeof value.eligible === 'boolean';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
