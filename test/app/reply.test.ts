import { describe, expect, it } from 'vitest';
import { replyAddress, starterFor } from '../../app/models/reply-starters.ts';
import { createReply } from '../../app/models/reply.ts';
import { SEGMENTS } from '../../sdk/index.ts';
import { makeRecord } from '../helpers/admin-fixtures.ts';
import { httpError, recorder } from './fakes.ts';

const ASKS = /review|refer|recommend|testimonial|pass(ed)? the word|someone who/i;

describe('reply starters', () => {
  it('only a promoter’s starter asks them to tell others; a detractor’s apologises; a passive’s asks what would make it a 9', () => {
    for (const segment of SEGMENTS) {
      const starter = starterFor(segment, 'Kim');
      expect(`${starter.subject} ${starter.body}`.match(ASKS) !== null, segment).toBe(segment === 'promoter');
      expect(starter.body.startsWith('Hi Kim,')).toBe(true);
    }
    expect(starterFor('detractor', null).body).toMatch(/^Hi,\n\n.*sorry/is);
    expect(starterFor('passive', null).body).toMatch(/a 9/);
  });

  it('the address: the identified email, else a contact email only with consent', () => {
    expect(replyAddress(makeRecord({ user: { id: 'u', email: 'kim@c.example', name: null, traits: null } }))).toBe('kim@c.example');
    expect(replyAddress(makeRecord({ contactEmail: 'kim@c.example', contactConsent: false }))).toBeUndefined();
    expect(replyAddress(makeRecord({ contactEmail: 'kim@c.example', contactConsent: true }))).toBe('kim@c.example');
  });
});

describe('reply', () => {
  it('starts from the segment’s text, sends the trimmed subject and body, shows the queued mail', async () => {
    const { calls, record } = recorder();
    const target = makeRecord({ segment: 'passive', contactEmail: 'kim@c.example', contactConsent: true });
    const model = createReply({
      client: {
        reply: record('reply', async () => ({ id: 'm1', kind: 'reply', to: 'kim@c.example', replyTo: 'max@shop.example', subject: 'x', text: 'y', html: 'y', responseId: target.id, state: 'queued', error: null, createdAt: '2026-12-01T10:00:00.000Z', sentAt: null }) as const),
      },
      responseId: target.id,
      record: target,
    });
    expect(model.subject.value).toBe(starterFor('passive', null).subject);
    model.body.value = '  Thanks!  ';
    await model.send();
    expect(calls).toEqual([['reply', [target.id, { subject: starterFor('passive', null).subject, body: 'Thanks!' }]]]);
    expect(model.sent.value?.state).toBe('queued');
    model.reset();
    expect(model.body.value).toBe(starterFor('passive', null).body);
  });

  it('nobody to write to: nothing is sent; a no_address answer says the same', async () => {
    const { calls, record } = recorder();
    const unreachable = createReply({ client: { reply: record('reply', () => Promise.reject(httpError(400, 'no_address'))) }, responseId: 'r', record: makeRecord() });
    expect(unreachable.to.value).toBeUndefined();
    await unreachable.send();
    expect(calls).toEqual([]);
    const changed = createReply({ client: { reply: () => Promise.reject(httpError(400, 'no_address')) }, responseId: 'r', record: makeRecord({ contactEmail: 'a@c.example', contactConsent: true }) });
    await changed.send();
    expect(changed.to.value).toBeUndefined();
    expect(changed.failure.value).toMatchObject({ code: 'no_address' });
  });
});
