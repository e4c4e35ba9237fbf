import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { responsePayloadSchema, type Score } from '../../sdk/index.ts';
import { modelWith } from '../helpers/survey-fixtures.ts';

describe('survey model', () => {
  it('walks score → follow-up → thank-you → closed, sending partial then complete with a growing seq', () => {
    const { model, delivered, changes } = modelWith();
    expect(model.step.value).toBe('score');
    model.actions.pickScore(9);
    expect(model.step.value).toBe('follow-up');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ seq: 1, score: 9, status: 'partial', siteKey: 'pk_test1234', surveyId: 'nps' });
    model.actions.editComment('Faster exports');
    model.actions.toggleDriver('Responsiveness');
    model.actions.submitFollowUp();
    expect(model.step.value).toBe('thank-you');
    expect(delivered[1]).toMatchObject({ id: delivered[0]?.id, seq: 2, status: 'complete', comment: 'Faster exports', drivers: ['Responsiveness'] });
    model.actions.close();
    expect(model.step.value).toBe('closed');
    expect(changes.map((change) => change.type)).toEqual(['scored', 'submitted', 'submitted', 'closed']);
    expect(changes.at(-1)).toMatchObject({ type: 'closed', completed: true });
  });

  it('every payload it hands over is valid for the wire', () => {
    const { model, delivered } = modelWith({}, { userId: 'u-1', email: 'ada@example.com' });
    model.actions.pickScore(3);
    model.actions.editComment('😀'.repeat(2000));
    model.actions.submitFollowUp();
    model.actions.setContactConsent(true);
    model.actions.submitExtra();
    for (const payload of delivered) expect(responsePayloadSchema.safeParse(payload).success).toBe(true);
    expect(delivered.at(-1)).toMatchObject({ seq: 3, contactConsent: true, user: { id: 'u-1', email: 'ada@example.com' } });
  });

  it('limits the comment in code points, not UTF-16 units', () => {
    const { model } = modelWith({ commentMaxLength: 5 });
    model.actions.editComment('😀😀😀😀😀😀😀');
    expect(model.comment.value).toBe('😀😀😀😀😀');
    expect(model.commentLeft.value).toBe(0);
  });

  it('skip discards what was typed and still completes', () => {
    const { model, delivered } = modelWith();
    model.actions.pickScore(7);
    model.actions.editComment('half a thought');
    model.actions.skipFollowUp();
    expect(delivered.at(-1)).toMatchObject({ status: 'complete' });
    expect(delivered.at(-1)?.comment).toBeUndefined();
  });

  it('a dismissal before the score sends nothing; after it, the partial state is kept', () => {
    const early = modelWith();
    early.model.actions.dismiss();
    expect(early.model.step.value).toBe('dismissed');
    expect(early.delivered).toEqual([]);
    expect(early.changes).toEqual([
      { type: 'dismissed', id: undefined, step: 'score' },
      { type: 'closed', id: undefined, completed: false },
    ]);
    const late = modelWith();
    late.model.actions.pickScore(5);
    late.model.actions.editComment('too slow');
    late.model.actions.dismiss();
    expect(late.delivered.at(-1)).toMatchObject({ seq: 2, status: 'partial', comment: 'too slow' });
  });

  it('ignores drivers that are not configured, and actions out of order', () => {
    const { model, delivered } = modelWith();
    model.actions.submitFollowUp();
    model.actions.toggleDriver('Not offered');
    expect(delivered).toEqual([]);
    model.actions.pickScore(8);
    model.actions.pickScore(2);
    expect(model.score.value).toBe(8);
    expect(model.drivers.value).toEqual([]);
  });

  it('marks responses as test in test mode', () => {
    const { model, delivered } = modelWith({ test: true });
    model.actions.pickScore(10);
    expect(delivered[0]?.context.test).toBe(true);
  });

  it('property: any sequence of actions keeps seq strictly growing and never re-opens a closed survey', () => {
    const action = fc.oneof(
      fc.integer({ min: 0, max: 10 }).map((score) => ['pick', score] as const),
      fc.constantFrom(['submit'] as const, ['skip'] as const, ['extra'] as const, ['dismiss'] as const, ['close'] as const),
      fc.string({ maxLength: 20 }).map((text) => ['comment', text] as const),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const { model, delivered } = modelWith();
        let ended = false;
        for (const [name, arg] of actions) {
          if (name === 'pick') model.actions.pickScore(arg as Score);
          else if (name === 'submit') model.actions.submitFollowUp();
          else if (name === 'skip') model.actions.skipFollowUp();
          else if (name === 'extra') model.actions.submitExtra();
          else if (name === 'dismiss') model.actions.dismiss();
          else if (name === 'close') model.actions.close();
          else model.actions.editComment(String(arg));
          if (ended) expect(['closed', 'dismissed']).toContain(model.step.value);
          ended ||= model.step.value === 'closed' || model.step.value === 'dismissed';
        }
        delivered.forEach((payload, index) => expect(payload.seq).toBe(index + 1));
        expect(new Set(delivered.map((payload) => payload.id)).size).toBeLessThanOrEqual(1);
      }),
    );
  });
});
