import { batch, computed, signal } from '@preact/signals-core';
import { codePointLength, truncateCodePoints } from '../../sdk/schemas/text.ts';
import type { SurveyConfig } from '../../sdk/schemas/config.ts';
import type { Identity } from '../../sdk/schemas/identity.ts';
import type { ResponsePayload } from '../../sdk/schemas/response.ts';
import { segmentOf, type Score, type Segment } from '../../sdk/segment.ts';

/** Where the respondent is. `dismissed` and `closed` are final. */
export type Step = 'score' | 'follow-up' | 'thank-you' | 'closed' | 'dismissed';

/** Everything the model needs from the outside, injected so tests pass plain functions. */
export interface SurveyModelDeps {
  config: SurveyConfig;
  identity?: Identity | undefined;
  /** Queues a response state for delivery (the SDK outbox). */
  deliver: (payload: ResponsePayload) => void;
  newId: () => string;
  anonymousId: string;
  locale: string;
  pageUrl: string;
  now: () => number;
  /** Called on every transition the host may care about. */
  notify?: (change: ModelChange) => void;
}

export type ModelChange =
  | { type: 'scored'; id: string; score: Score; segment: Segment }
  | { type: 'submitted'; payload: ResponsePayload; segment: Segment }
  | { type: 'dismissed'; id: string | undefined; step: 'score' | 'follow-up' | 'thank-you' }
  | { type: 'closed'; id: string | undefined; completed: boolean };

/**
 * The survey as a state machine over signals: hidden → score → follow-up → thank-you → closed,
 * dismissed from any step. No Preact and no DOM: views read it and call its actions.
 */
export function createSurveyModel(deps: SurveyModelDeps) {
  const { config } = deps;
  const step = signal<Step>('score');
  const score = signal<Score | undefined>(undefined);
  const comment = signal('');
  const drivers = signal<readonly string[]>([]);
  const followUp = signal('');
  const contactConsent = signal(false);
  const contactEmail = signal(deps.identity?.email ?? '');
  /** The respondent answered the thank-you screen's own question or consent. */
  const extraSent = signal(false);
  const segment = computed(() => (score.value === undefined ? undefined : segmentOf(score.value)));
  const commentLeft = computed(() => config.commentMaxLength - codePointLength(comment.value));

  let id: string | undefined;
  let seq = 0;
  const createdAt = new Date(deps.now()).toISOString();

  function send(status: ResponsePayload['status']): void {
    if (id === undefined || score.value === undefined) return;
    seq += 1;
    const identity = deps.identity;
    const payload: ResponsePayload = {
      id,
      siteKey: config.siteKey,
      surveyId: config.surveyId,
      seq,
      score: score.value,
      status,
      anonymousId: deps.anonymousId,
      context: { url: deps.pageUrl.slice(0, 2048), locale: deps.locale, createdAt, ...(config.test ? { test: true } : {}) },
      ...(comment.value.trim() ? { comment: comment.value.trim() } : {}),
      ...(followUp.value.trim() ? { followUp: followUp.value.trim() } : {}),
      ...(drivers.value.length ? { drivers: [...drivers.value] } : {}),
      ...(contactConsent.value ? { contactConsent: true } : {}),
      ...(contactConsent.value && !identity?.email && contactEmail.value.trim() ? { contactEmail: contactEmail.value.trim() } : {}),
      ...(identity ? { user: { id: identity.userId, ...(identity.email ? { email: identity.email } : {}), ...(identity.name ? { name: identity.name } : {}), ...(identity.traits ? { traits: identity.traits } : {}) } } : {}),
    };
    deps.deliver(payload);
    deps.notify?.({ type: 'submitted', payload, segment: segmentOf(score.value) });
  }

  const isOpen = () => step.value !== 'closed' && step.value !== 'dismissed';

  const actions = {
    /** Picks a score and moves on to the follow-up; sends a `partial` response at once. */
    pickScore(value: Score) {
      if (step.value !== 'score') return;
      id ??= deps.newId();
      batch(() => {
        score.value = value;
        step.value = 'follow-up';
      });
      deps.notify?.({ type: 'scored', id, score: value, segment: segmentOf(value) });
      send('partial');
    },
    /** Keeps at most `commentMaxLength` code points. */
    editComment(text: string) {
      comment.value = truncateCodePoints(text, config.commentMaxLength);
    },
    toggleDriver(name: string) {
      if (!config.drivers.includes(name)) return;
      drivers.value = drivers.value.includes(name) ? drivers.value.filter((d) => d !== name) : [...drivers.value, name];
    },
    /** Sends the follow-up and shows the thank-you screen. */
    submitFollowUp() {
      if (step.value !== 'follow-up') return;
      step.value = 'thank-you';
      send('complete');
    },
    /** Skips the follow-up (anything typed is discarded) and shows the thank-you screen. */
    skipFollowUp() {
      if (step.value !== 'follow-up') return;
      batch(() => {
        comment.value = '';
        drivers.value = [];
        step.value = 'thank-you';
      });
      send('complete');
    },
    editFollowUp(text: string) {
      followUp.value = truncateCodePoints(text, config.commentMaxLength);
    },
    setContactConsent(value: boolean) {
      contactConsent.value = value;
    },
    editContactEmail(text: string) {
      contactEmail.value = text.slice(0, 254);
    },
    /** Sends the thank-you screen's own answer (a passive's open question, a detractor's consent). */
    submitExtra() {
      if (step.value !== 'thank-you' || extraSent.value) return;
      extraSent.value = true;
      send('complete');
    },
    /** The respondent closed the survey. Before a score, that is a dismissal. */
    dismiss() {
      if (!isOpen()) return;
      const from = step.value;
      if (from === 'thank-you') return actions.close();
      step.value = 'dismissed';
      if (from === 'follow-up') send('partial');
      deps.notify?.({ type: 'dismissed', id, step: from === 'follow-up' ? 'follow-up' : 'score' });
      deps.notify?.({ type: 'closed', id, completed: false });
    },
    /** Closes after the thank-you. */
    close() {
      if (!isOpen()) return;
      const completed = step.value === 'thank-you';
      step.value = 'closed';
      deps.notify?.({ type: 'closed', id, completed });
    },
  };

  return {
    step,
    score,
    segment,
    comment,
    commentLeft,
    drivers,
    followUp,
    contactConsent,
    contactEmail,
    extraSent,
    config,
    identity: deps.identity,
    /** The response id, once a score is picked. */
    responseId: () => id,
    actions,
  };
}

export type SurveyModel = ReturnType<typeof createSurveyModel>;
