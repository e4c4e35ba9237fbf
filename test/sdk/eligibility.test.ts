import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideEligibility, parseVisitorState, remainingDelay, type EligibilityInput } from '../../sdk/index.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-11-22T12:00:00Z');
const throttle = { afterResponseDays: 90, afterDismissDays: 30, minUserAgeDays: 30, perSession: 1 };
const base: EligibilityInput = { visitor: { sampled: true }, shownThisSession: 0, throttle, sample: 1, now: NOW, random: () => 0.5 };

describe('decideEligibility (SPEC §5)', () => {
  it('asks a fresh visitor', () => {
    expect(decideEligibility(base)).toEqual({ eligible: true, reason: 'eligible', visitor: { sampled: true } });
  });

  it('waits 90 days after a response', () => {
    const visitor = { sampled: true, lastRespondedAt: NOW - 89 * DAY };
    expect(decideEligibility({ ...base, visitor })).toMatchObject({ eligible: false, reason: 'responded-recently', nextEligibleAt: NOW + DAY });
    expect(decideEligibility({ ...base, visitor: { ...visitor, lastRespondedAt: NOW - 90 * DAY } }).eligible).toBe(true);
  });

  it('waits 30 days after a dismissal', () => {
    expect(decideEligibility({ ...base, visitor: { sampled: true, lastDismissedAt: NOW - 29 * DAY } })).toMatchObject({ reason: 'dismissed-recently' });
    expect(decideEligibility({ ...base, visitor: { sampled: true, lastDismissedAt: NOW - 31 * DAY } }).eligible).toBe(true);
  });

  it('does not ask users younger than 30 days when createdAt is known', () => {
    expect(decideEligibility({ ...base, userCreatedAt: NOW - 10 * DAY })).toMatchObject({ reason: 'user-too-new', nextEligibleAt: NOW + 20 * DAY });
    expect(decideEligibility({ ...base, userCreatedAt: NOW - 40 * DAY }).eligible).toBe(true);
  });

  it('asks at most once per browsing session', () => {
    expect(decideEligibility({ ...base, shownThisSession: 1 })).toMatchObject({ eligible: false, reason: 'session-limit' });
  });

  it('decides sampling once per visitor and returns the decision to keep', () => {
    const first = decideEligibility({ ...base, visitor: {}, sample: 0.3, random: () => 0.9 });
    expect(first).toMatchObject({ eligible: false, reason: 'not-sampled', visitor: { sampled: false } });
    // A later page view keeps the decision, whatever the dice say now.
    expect(decideEligibility({ ...base, visitor: first.visitor, sample: 0.3, random: () => 0 }).reason).toBe('not-sampled');
  });

  it('lets the collector’s verdict win over this browser’s memory for identified users', () => {
    const remembersAnswer = { sampled: true, lastRespondedAt: NOW - DAY };
    expect(decideEligibility({ ...base, visitor: remembersAnswer, remote: { eligible: true } }).eligible).toBe(true);
    expect(decideEligibility({ ...base, remote: { eligible: false, nextEligibleAt: NOW + 5 * DAY } })).toMatchObject({ reason: 'remote-ineligible', nextEligibleAt: NOW + 5 * DAY });
  });

  it('test mode and force ignore every throttle', () => {
    const blocked = { ...base, visitor: { sampled: false, lastRespondedAt: NOW }, shownThisSession: 9 };
    expect(decideEligibility({ ...blocked, test: true })).toMatchObject({ eligible: true, reason: 'test' });
    expect(decideEligibility({ ...blocked, force: true })).toMatchObject({ eligible: true, reason: 'forced' });
  });

  it('property: over many visitors, the sampled share matches `sample`', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 2 ** 31 }), (sample, seed) => {
        // mulberry32: a plain LCG in floating point loses its low bits above 2^53 and strays by 6 % for ~0.3 % of seeds.
        let state = seed;
        const random = () => {
          state = (state + 0x6d2b79f5) | 0;
          let t = Math.imul(state ^ (state >>> 15), 1 | state);
          t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
          return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
        };
        let sampled = 0;
        const visitors = 2000;
        for (let i = 0; i < visitors; i++) if (decideEligibility({ ...base, visitor: {}, sample, random }).visitor.sampled) sampled++;
        expect(Math.abs(sampled / visitors - sample)).toBeLessThan(0.06);
      }),
      { numRuns: 30 },
    );
  });

  it('property: never eligible within the quiet period, always after it (absent other reasons)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 365 }), (daysAgo, quietDays) => {
        const verdict = decideEligibility({ ...base, throttle: { ...throttle, afterResponseDays: quietDays }, visitor: { sampled: true, lastRespondedAt: NOW - daysAgo * DAY } });
        expect(verdict.eligible).toBe(daysAgo >= quietDays);
        if (!verdict.eligible) expect(verdict.nextEligibleAt).toBeGreaterThan(NOW);
      }),
    );
  });
});

describe('remainingDelay', () => {
  it('counts the delay from page load', () => {
    expect(remainingDelay(5, 1000, 3000)).toBe(3000);
    expect(remainingDelay(5, 1000, 9000)).toBe(0);
  });
});

describe('parseVisitorState', () => {
  it('keeps valid fields and drops anything else', () => {
    expect(parseVisitorState(JSON.stringify({ sampled: true, lastRespondedAt: 5, lastDismissedAt: 'x', evil: 1 }))).toEqual({ sampled: true, lastRespondedAt: 5 });
    expect(parseVisitorState('nonsense')).toEqual({});
    expect(parseVisitorState('null')).toEqual({});
    expect(parseVisitorState(null)).toEqual({});
  });
});
