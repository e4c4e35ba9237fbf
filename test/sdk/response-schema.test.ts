import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, responsePayloadSchema, toFieldIssues } from '../../sdk/index.ts';
import { makePayload } from '../helpers/payload.ts';

function pathsOf(input: unknown): string[] {
  const result = responsePayloadSchema.safeParse(input);
  return result.success ? [] : toFieldIssues(result.error.issues).map((issue) => issue.path);
}

describe('responsePayloadSchema', () => {
  it('accepts a minimal partial and a full complete response', () => {
    expect(pathsOf(makePayload())).toEqual([]);
    expect(
      pathsOf(
        makePayload({
          status: 'complete',
          seq: 4,
          comment: 'Faster exports 🚀',
          followUp: 'The API',
          drivers: ['value for money'],
          contactConsent: true,
          user: { id: 'u-1', email: 'ada@example.com', traits: { plan: 'pro' } },
        }),
      ),
    ).toEqual([]);
  });

  it.each([
    [{ score: 11 }, 'score'],
    [{ score: 7.5 }, 'score'],
    [{ seq: -1 }, 'seq'],
    [{ id: 'not-a-uuid' }, 'id'],
    [{ status: 'done' }, 'status'],
    [{ comment: 'x'.repeat(5001) }, 'comment'],
    [{ comment: 'broken \ud800 text' }, 'comment'],
    [{ user: { id: 'u', email: 'x' } }, 'user.email'],
    [{ extra: true, context: { url: 'x', locale: 'en', createdAt: 'yesterday', extra: 1 } }, 'context.createdAt'],
  ])('rejects %j at %s', (override, path) => {
    expect(pathsOf({ ...makePayload(), ...override })).toContain(path);
  });

  it('ignores unknown fields, top-level and nested, and drops them (a newer widget on an older collector)', () => {
    const payload = makePayload({ user: { id: 'u-1' } });
    const newer = { ...payload, mood: 'happy', user: { ...payload.user, tier: 'gold' }, context: { ...payload.context, viewport: [390, 844] } };
    const result = responsePayloadSchema.safeParse(newer);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(payload);
  });

  it('counts text in code points, so 5000 emoji fit', () => {
    const emoji = '😀'.repeat(5000);
    expect(emoji.length).toBe(10_000);
    expect(codePointLength(emoji)).toBe(5000);
    expect(pathsOf(makePayload({ comment: emoji }))).toEqual([]);
  });

  it('survives a JSON round trip for any valid comment', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (comment) => {
        const payload = makePayload({ comment });
        expect(responsePayloadSchema.parse(JSON.parse(JSON.stringify(payload)))).toEqual(payload);
      }),
    );
  });
});
