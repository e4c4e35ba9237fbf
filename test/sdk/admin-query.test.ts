import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { FOLLOW_UP_STATUSES, SEGMENTS, followUpChangeSchema, listQueryParams, listQuerySchema, statsQuerySchema, toFieldIssues, type ListQuery } from '../../sdk/index.ts';

const issuesOf = (schema: z.ZodMiniType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : toFieldIssues(result.error.issues);
};

describe('the admin list query', () => {
  it('reads every filter of SPEC §10 from query-string text into typed values', () => {
    const query = listQuerySchema.parse({
      segment: 'detractor',
      score: '3',
      scoreMin: '0',
      scoreMax: '6',
      from: '2026-11-01',
      to: '2026-12-01T00:00:00Z',
      q: 'slow export',
      followUpStatus: 'not_needed',
      owner: 'none',
      overdue: 'true',
      driver: 'Price',
      hasComment: 'true',
      contactable: 'false',
      identified: 'true',
      'trait.plan': 'pro',
      includeTest: 'true',
      cursor: 'abc',
      limit: '20',
    });
    expect(query).toEqual({
      segment: 'detractor',
      score: 3,
      scoreMin: 0,
      scoreMax: 6,
      from: '2026-11-01',
      to: '2026-12-01T00:00:00Z',
      q: 'slow export',
      followUpStatus: 'not_needed',
      owner: 'none',
      overdue: true,
      driver: 'Price',
      hasComment: true,
      contactable: false,
      identified: true,
      trait: { key: 'plan', value: 'pro' },
      includeTest: true,
      cursor: 'abc',
      limit: 20,
    });
  });

  it('is strict about names, except one trait.KEY, and each issue names the parameter as sent', () => {
    expect(issuesOf(listQuerySchema, { color: 'red' })).toEqual([{ path: 'color', message: 'is not a known field' }]);
    expect(issuesOf(listQuerySchema, { 'trait.plan': 'pro', 'trait.seats': '5' })).toEqual([{ path: 'trait.seats', message: 'only one trait.KEY filter at a time' }]);
    expect(issuesOf(listQuerySchema, { trait: 'pro' }).map((issue) => issue.path)).toEqual(['trait']);
    expect(issuesOf(listQuerySchema, { 'trait.': 'pro' }).map((issue) => issue.path)).toEqual(['trait.']);
    expect(issuesOf(listQuerySchema, { [`trait.${'k'.repeat(65)}`]: 'pro' }).map((issue) => issue.path)).toEqual([`trait.${'k'.repeat(65)}`]);
    expect(issuesOf(listQuerySchema, { 'trait.plan': 'x'.repeat(501) }).map((issue) => issue.path)).toEqual(['trait.plan']);
  });

  it.each([
    [{ score: '11' }, 'score'],
    [{ scoreMin: '-1' }, 'scoreMin'],
    [{ scoreMin: '9', scoreMax: '3' }, 'scoreMin'],
    [{ overdue: 'false' }, 'overdue'],
    [{ hasComment: 'yes' }, 'hasComment'],
    [{ followUpStatus: 'done' }, 'followUpStatus'],
    [{ owner: '' }, 'owner'],
    [{ from: 'yesterday' }, 'from'],
    [{ limit: '501' }, 'limit'],
  ])('%o: an issue at %s', (input, path) => {
    expect(issuesOf(listQuerySchema, input).map((issue) => issue.path)).toEqual([path]);
  });

  it('listQueryParams is its inverse: any typed query survives the trip through text', () => {
    const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
    const score = fc.integer({ min: 0, max: 10 });
    const word = fc.string({ minLength: 1, maxLength: 30 }).filter((value) => value.trim() === value && !/[\uD800-\uDFFF]/.test(value));
    const query = fc.record({
      segment: maybe(fc.constantFrom(...SEGMENTS)),
      score: maybe(score),
      q: maybe(word),
      followUpStatus: maybe(fc.constantFrom(...FOLLOW_UP_STATUSES)),
      owner: maybe(word),
      overdue: maybe(fc.constant(true as const)),
      driver: maybe(word),
      hasComment: maybe(fc.boolean()),
      contactable: maybe(fc.boolean()),
      identified: maybe(fc.boolean()),
      trait: maybe(fc.record({ key: word, value: fc.string({ maxLength: 20 }).filter((value) => !/[\uD800-\uDFFF]/.test(value)) })),
      includeTest: maybe(fc.boolean()),
      limit: maybe(fc.integer({ min: 1, max: 500 })),
    });
    fc.assert(
      fc.property(query, (typed) => {
        const defined = Object.fromEntries(Object.entries(typed).filter(([, value]) => value !== undefined)) as ListQuery;
        const text = new URLSearchParams(listQueryParams(defined));
        expect(listQuerySchema.parse(Object.fromEntries(text))).toEqual(defined);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the stats query and the follow-up change', () => {
  it('stats: interval and includeTest typed, unknown names refused', () => {
    expect(statsQuerySchema.parse({ interval: 'month', includeTest: 'false' })).toEqual({ interval: 'month', includeTest: false });
    expect(issuesOf(statsQuerySchema, { interval: 'hour', segment: 'promoter' }).map((issue) => issue.path).sort()).toEqual(['interval', 'segment']);
  });

  it('site= (one of the principal’s sites) on the list and the stats; an empty one is an issue', () => {
    expect(listQuerySchema.parse({ site: 'site-1', owner: 'me' })).toEqual({ site: 'site-1', owner: 'me' });
    expect(statsQuerySchema.parse({ site: 'site-1' })).toEqual({ site: 'site-1' });
    expect(issuesOf(statsQuerySchema, { site: '' }).map((issue) => issue.path)).toEqual(['site']);
  });

  it('follow-up: not_needed, an ISO due date, owner null to unassign; at least one part; strict', () => {
    expect(followUpChangeSchema.parse({ status: 'not_needed', dueAt: '2026-12-01T09:00:00Z', owner: null })).toEqual({ status: 'not_needed', dueAt: '2026-12-01T09:00:00Z', owner: null });
    expect(issuesOf(followUpChangeSchema, {})).toEqual([{ path: '(root)', message: 'needs at least one of status, ownerId, owner, dueAt, note, step' }]);
    expect(new Set(issuesOf(followUpChangeSchema, { dueAt: 'next week' }).map((issue) => issue.path))).toEqual(new Set(['dueAt']));
    expect(issuesOf(followUpChangeSchema, { color: 'red' }).map((issue) => issue.path)).toContain('color');
  });

  it('follow-up: ownerId names a member (or null to unassign), owner a label; never both', () => {
    expect(followUpChangeSchema.parse({ ownerId: 'u1' })).toEqual({ ownerId: 'u1' });
    expect(followUpChangeSchema.parse({ ownerId: null })).toEqual({ ownerId: null });
    expect(issuesOf(followUpChangeSchema, { ownerId: '' }).map((issue) => issue.path)).toEqual(['ownerId']);
    expect(issuesOf(followUpChangeSchema, { ownerId: 'u1', owner: 'sam' })).toEqual([{ path: 'owner', message: 'give ownerId (a member) or owner (a label), not both' }]);
  });
});
