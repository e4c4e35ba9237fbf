import { describe, expect, it } from 'vitest';
import { previewPublish } from '../../app/models/changes-preview.ts';
import { createChanges } from '../../app/models/changes.ts';
import type { Change, ChangePublished, ResponseRecord } from '../../sdk/index.ts';
import { makeDetail, makeRecord } from '../helpers/admin-fixtures.ts';
import { httpError, recorder } from './fakes.ts';

const change = (overrides: Partial<Change> = {}): Change => ({
  id: 'ch1',
  title: 'Exports are faster',
  body: 'You asked, we did it.',
  createdBy: 'Ada',
  createdAt: '2026-12-01T10:00:00.000Z',
  publishedAt: null,
  responseIds: [],
  ...overrides,
});
const user = (id: string, email: string | null) => ({ id, email, name: null, traits: null });

describe('publish preview', () => {
  it('counts distinct addresses (consented contact emails only), identified people, unresolved follow-ups and unread ones', () => {
    const records: ResponseRecord[] = [
      makeRecord({ id: 'a', user: user('u1', 'Kim@c.example') }),
      makeRecord({ id: 'b', user: user('u1', 'kim@c.example'), followUpStatus: 'resolved' }),
      makeRecord({ id: 'c', contactEmail: 'lee@c.example', contactConsent: true }),
      makeRecord({ id: 'd', contactEmail: 'no@c.example', contactConsent: false }),
    ];
    expect(previewPublish(records, 6)).toEqual({ emailed: 2, noticed: 1, resolved: 3, unknown: 2 });
  });
});

describe('changes', () => {
  it('creates one first in the list; links ids and every response of a list query; says how many were added', async () => {
    const { calls, record } = recorder();
    let linked: string[] = [];
    const model = createChanges({
      client: {
        changes: async () => [change({ id: 'old', publishedAt: '2026-11-01T00:00:00.000Z' })],
        createChange: record('create', async (body: { title: string; body: string; responseIds?: string[] }) => change({ title: body.title, body: body.body })),
        linkResponses: record('link', async (_id: string, ids: string[]) => change({ responseIds: (linked = [...new Set([...linked, ...ids])]) })),
        publishChange: async () => Promise.reject(new Error('not here')),
        get: async () => makeDetail(),
        async *iterate() {
          yield makeRecord({ id: 'q1' });
          yield makeRecord({ id: 'q2' });
        },
      },
    });
    await model.load();
    model.title.value = ' Exports are faster ';
    model.body.value = 'You asked, we did it.';
    await model.create();
    expect(model.items.value.map((item) => item.id)).toEqual(['ch1', 'old']);
    expect(model.title.value).toBe('');
    await model.linkIds('ch1', 'r1, r2\nr3');
    expect(model.linked.value).toEqual({ id: 'ch1', added: 3 });
    await model.linkQuery('ch1', { segment: 'detractor' });
    expect(model.linked.value).toEqual({ id: 'ch1', added: 2 });
    expect(model.items.value[0]?.responseIds).toEqual(['r1', 'r2', 'r3', 'q1', 'q2']);
    expect(calls).toEqual([
      ['create', [{ title: 'Exports are faster', body: 'You asked, we did it.', responseIds: [] }]],
      ['link', ['ch1', ['r1', 'r2', 'r3']]],
      ['link', ['ch1', ['q1', 'q2']]],
    ]);
  });

  it('publishing asks first with the counts, then shows what the collector did; cancelling publishes nothing', async () => {
    const { calls, record } = recorder();
    const draft = change({ responseIds: ['a', 'b', 'gone'] });
    const records: Record<string, ResponseRecord> = { a: makeRecord({ id: 'a', user: user('u1', 'kim@c.example') }), b: makeRecord({ id: 'b', contactEmail: 'lee@c.example', contactConsent: true }) };
    const answer: ChangePublished = { change: { ...draft, publishedAt: '2026-12-01T12:00:00.000Z' }, published: true, emailed: 2, resolved: 2, notices: 1 };
    const model = createChanges({
      client: {
        changes: async () => [draft],
        createChange: async () => draft,
        linkResponses: async () => draft,
        publishChange: record('publish', async () => answer),
        get: async (id: string) => {
          const found = records[id];
          if (!found) throw httpError(404, 'not_found');
          return makeDetail(found);
        },
        async *iterate() {},
      },
    });
    await model.load();
    await model.askPublish('ch1');
    expect(model.confirming.value).toEqual({ id: 'ch1', preview: { emailed: 2, noticed: 1, resolved: 2, unknown: 1 } });
    model.cancelPublish();
    await model.confirmPublish();
    expect(calls).toEqual([]);
    await model.askPublish('ch1');
    await model.confirmPublish();
    expect(calls).toEqual([['publish', ['ch1']]]);
    expect(model.published.value).toEqual(answer);
    expect(model.items.value[0]?.publishedAt).toBe('2026-12-01T12:00:00.000Z');
    expect(model.confirming.value).toBeUndefined();
  });

  it('a link the collector refuses (ids not the team’s) is the failure; the change stays', async () => {
    const model = createChanges({
      client: { changes: async () => [change()], createChange: async () => change(), linkResponses: () => Promise.reject(httpError(400, 'invalid_change')), publishChange: async () => Promise.reject(new Error('no')), get: async () => makeDetail(), async *iterate() {} },
    });
    await model.load();
    await model.linkIds('ch1', 'nope');
    expect(model.failure.value).toMatchObject({ status: 400 });
    expect(model.items.value[0]?.responseIds).toEqual([]);
    await model.linkQuery('ch1', {});
    expect(model.linked.value).toEqual({ id: 'ch1', added: 0 });
  });
});
