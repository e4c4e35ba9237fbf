import type { Throttle } from './schemas/config.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What this browser remembers of one visitor. Times are epoch milliseconds. */
export interface VisitorState {
  /** Decided once: whether this visitor falls inside `sample`. */
  sampled?: boolean;
  lastRespondedAt?: number;
  lastDismissedAt?: number;
}

/** The collector's memory of an identified user, which wins over this browser's (cross-device). */
export interface RemoteVerdict {
  eligible: boolean;
  nextEligibleAt?: number;
}

export interface EligibilityInput {
  visitor: VisitorState;
  /** Surveys shown in this browsing session. */
  shownThisSession: number;
  throttle: Throttle;
  /** 0–1. */
  sample: number;
  now: number;
  random: () => number;
  /** Account creation, when `identify` said. */
  userCreatedAt?: number;
  remote?: RemoteVerdict;
  /** Test mode: every throttle ignored. */
  test?: boolean;
  /** `show({ force: true })`: every throttle ignored. */
  force?: boolean;
}

export type EligibilityReason =
  | 'eligible'
  | 'test'
  | 'forced'
  | 'not-sampled'
  | 'session-limit'
  | 'user-too-new'
  | 'remote-ineligible'
  | 'responded-recently'
  | 'dismissed-recently';

export interface EligibilityVerdict {
  eligible: boolean;
  reason: EligibilityReason;
  /** When the reason stops applying, if it is a matter of time. */
  nextEligibleAt?: number | undefined;
  /** The visitor state to keep: it carries the sampling decision once made. */
  visitor: VisitorState;
}

/**
 * Whether to survey this visitor now, and if not, why and until when. Pure: the clock and the
 * dice are arguments. Sampling is decided at the first call and returned in `visitor`, to be kept.
 * @example
 * decideEligibility({ visitor: {}, shownThisSession: 0, throttle, sample: 1, now: Date.now(), random: Math.random })
 * // { eligible: true, reason: 'eligible', visitor: { sampled: true } }
 */
export function decideEligibility(input: EligibilityInput): EligibilityVerdict {
  const { throttle, now } = input;
  const sampled = input.visitor.sampled ?? input.random() < input.sample;
  const visitor: VisitorState = { ...input.visitor, sampled };
  const no = (reason: EligibilityReason, nextEligibleAt?: number): EligibilityVerdict => ({ eligible: false, reason, nextEligibleAt, visitor });

  if (input.test) return { eligible: true, reason: 'test', visitor };
  if (input.force) return { eligible: true, reason: 'forced', visitor };
  if (!sampled) return no('not-sampled');
  if (input.shownThisSession >= throttle.perSession) return no('session-limit');
  if (input.userCreatedAt !== undefined) {
    const oldEnoughAt = input.userCreatedAt + throttle.minUserAgeDays * DAY_MS;
    if (now < oldEnoughAt) return no('user-too-new', oldEnoughAt);
  }
  if (input.remote) {
    return input.remote.eligible ? { eligible: true, reason: 'eligible', visitor } : no('remote-ineligible', input.remote.nextEligibleAt);
  }
  const waits: [EligibilityReason, number | undefined, number][] = [
    ['responded-recently', input.visitor.lastRespondedAt, throttle.afterResponseDays],
    ['dismissed-recently', input.visitor.lastDismissedAt, throttle.afterDismissDays],
  ];
  for (const [reason, at, days] of waits) {
    if (at !== undefined && now < at + days * DAY_MS) return no(reason, at + days * DAY_MS);
  }
  return { eligible: true, reason: 'eligible', visitor };
}

/** Milliseconds still to wait before an automatic show, given when the page loaded. */
export function remainingDelay(delaySeconds: number, pageLoadedAt: number, now: number): number {
  return Math.max(0, pageLoadedAt + delaySeconds * 1000 - now);
}

/**
 * Reads visitor state back from storage. Hand-written rather than zod: the script-tag loader
 * uses it and must stay free of dependencies. Anything unexpected is dropped, field by field.
 */
export function parseVisitorState(raw: string | null): VisitorState {
  let value: unknown;
  try {
    value = raw === null ? {} : JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null) return {};
  const state: VisitorState = {};
  const record: Record<string, unknown> = { ...value };
  if (typeof record.sampled === 'boolean') state.sampled = record.sampled;
  for (const field of ['lastRespondedAt', 'lastDismissedAt'] as const) {
    const at = record[field];
    if (typeof at === 'number' && Number.isFinite(at)) state[field] = at;
  }
  return state;
}
