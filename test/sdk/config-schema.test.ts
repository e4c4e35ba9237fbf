import { describe, expect, it } from 'vitest';
import { identitySchema, InvalidInputError, parseOrThrow, surveyConfigSchema } from '../../sdk/index.ts';

const minimal = { endpoint: 'https://collector.example', siteKey: 'pk_live_abcd' };

/** The error `parseOrThrow` raises for `input`; fails the test when `input` passes. */
function errorOf(schema: Parameters<typeof parseOrThrow>[0], input: unknown, what = 'identity'): InvalidInputError {
  try {
    parseOrThrow(schema, input, what);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error(`expected the ${what} to be rejected`);
}

const issuesOf = (input: unknown) => errorOf(surveyConfigSchema, input, 'survey configuration');

describe('surveyConfigSchema', () => {
  it('fills every default of SPEC §3–5', () => {
    expect(parseOrThrow(surveyConfigSchema, minimal, 'config')).toEqual({
      ...minimal,
      surveyId: 'nps',
      product: 'us',
      position: 'bottom-right',
      theme: 'auto',
      accent: '#4338ca',
      delay: 5,
      sample: 1,
      auto: true,
      triggers: [],
      test: false,
      drivers: [],
      commentMaxLength: 1000,
      contactConsent: true,
      closeAfter: 10,
      followUpQuestions: {},
      messages: {},
      throttle: { afterResponseDays: 90, afterDismissDays: 30, minUserAgeDays: 30, perSession: 1 },
    });
  });

  it.each([
    [{ ...minimal, endpoint: 'collector.example' }, 'endpoint', /absolute http/],
    [{ ...minimal, endpoint: 'javascript:alert(1)' }, 'endpoint', /http/],
    [{ ...minimal, siteKey: 'sk_secret' }, 'siteKey', /pk_/],
    [{ endpoint: minimal.endpoint }, 'siteKey', /is required/],
    [{ ...minimal, position: 'top' }, 'position', /"bottom-right", "bottom-left", "bottom", "center"/],
    [{ ...minimal, theme: 'blue' }, 'theme', /one of/],
    [{ ...minimal, sample: 1.5 }, 'sample', /at most 1/],
    [{ ...minimal, delay: -1 }, 'delay', /at least 0/],
    [{ ...minimal, delay: '5' }, 'delay', /must be a number, got the text "5"/],
    [{ ...minimal, accent: 'red; background: url(x)' }, 'accent', /CSS colour/],
    [{ ...minimal, referralUrl: 'ftp://x' }, 'referralUrl', /http/],
    [{ ...minimal, drivers: Array(9).fill('x') }, 'drivers', /at most 8 items/],
    [{ ...minimal, throttle: { afterResponseDays: -2 } }, 'throttle.afterResponseDays', /at least 0/],
    [{ ...minimal, colour: 'red' }, 'colour', /not a known field/],
  ])('rejects %j naming %s', (input, path, message) => {
    const error = issuesOf(input);
    const issue = error.issues.find((candidate) => candidate.path === path);
    expect(issue, JSON.stringify(error.issues)).toBeDefined();
    expect(issue?.message).toMatch(message);
    expect(error.message).toContain(path);
  });

  it('accepts each position, theme and a range of CSS colours', () => {
    for (const accent of ['#000', '#4338caff', 'rgb(67 56 202)', 'hsl(240, 50%, 40%)', 'rebeccapurple', 'oklch(0.5 0.2 270)']) {
      expect(parseOrThrow(surveyConfigSchema, { ...minimal, accent }, 'config').accent).toBe(accent);
    }
  });
});

describe('identitySchema', () => {
  it('accepts a user with ISO or epoch createdAt and traits', () => {
    expect(identitySchema.safeParse({ userId: 'u1', email: 'a@b.co', createdAt: '2026-01-01T00:00:00Z', traits: { plan: 'pro', seats: 3 } }).success).toBe(true);
    expect(identitySchema.safeParse({ userId: 'u1', createdAt: 1_700_000_000_000 }).success).toBe(true);
  });

  it('rejects an empty user id and a malformed email', () => {
    expect(identitySchema.safeParse({ userId: '' }).success).toBe(false);
    for (const email of ['nope', 'a@b', '.a@b.co', 'a..b@c.co', 'a.@b.co', 'a@-b.co']) expect(identitySchema.safeParse({ userId: 'u', email }).success, email).toBe(false);
    for (const email of ['a@b.co', "o'hara+nps@mail.example.ie", 'first.last@sub.example.org']) expect(identitySchema.safeParse({ userId: 'u', email }).success, email).toBe(true);
  });

  it('takes text, numbers, booleans and null as trait values, and says so for anything else', () => {
    expect(identitySchema.safeParse({ userId: 'u', traits: { plan: 'pro', seats: 3, trial: false, team: null } }).success).toBe(true);
    for (const value of [{}, [1], Number.NaN, 'x'.repeat(501), '\uD800']) {
      const error = errorOf(identitySchema, { userId: 'u', traits: { plan: value } });
      expect(error.issues).toEqual([{ path: 'traits.plan', message: 'must be text (at most 500 characters), a number, true, false or null' }]);
    }
  });

  it('takes createdAt as an ISO date-time or epoch milliseconds, and says which when it is neither', () => {
    for (const createdAt of ['2026-02-30T00:00:00Z', '2026-01-01', -1, 'yesterday', true]) {
      const error = errorOf(identitySchema, { userId: 'u', createdAt });
      expect(error.issues).toEqual([{ path: 'createdAt', message: 'must be an ISO 8601 date-time such as 2026-01-31T12:00:00Z, or epoch milliseconds' }]);
    }
  });
});
