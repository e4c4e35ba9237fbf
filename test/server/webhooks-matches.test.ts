import { describe, expect, it } from 'vitest';
import { SCORES, segmentOf, WEBHOOK_EVENTS } from '../../sdk/index.ts';
import { slackEscape, webhookMatches } from '../../server/webhooks/index.ts';

const webhook = { events: [...WEBHOOK_EVENTS], segments: null, advocacy: false, disabledAt: null };

describe('webhookMatches', () => {
  it('an advocacy webhook configured to ask everyone acts for 9 and 10 only, for every event', () => {
    for (const type of WEBHOOK_EVENTS) {
      for (const segments of [null, ['detractor', 'passive', 'promoter'] as const, ['detractor'] as const]) {
        const asked = SCORES.filter((score) => webhookMatches({ ...webhook, advocacy: true, segments: segments && [...segments] }, type, segmentOf(score)));
        expect([type, segments, asked]).toEqual([type, segments, segments?.length === 1 ? [] : [9, 10]]);
      }
    }
  });

  it('a plain one follows its segments and events; a disabled one nothing', () => {
    expect(SCORES.filter((score) => webhookMatches(webhook, 'response.scored', segmentOf(score)))).toEqual([...SCORES]);
    expect(SCORES.filter((score) => webhookMatches({ ...webhook, segments: ['detractor'] }, 'response.scored', segmentOf(score)))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(webhookMatches({ ...webhook, events: ['response.completed'] }, 'response.scored', 'promoter')).toBe(false);
    expect(webhookMatches({ ...webhook, events: ['loop.closed'] }, 'loop.closed', 'promoter')).toBe(true);
    expect(webhookMatches({ ...webhook, disabledAt: '2026-01-01T00:00:00.000Z' }, 'response.scored', 'promoter')).toBe(false);
    // The test event ignores the event filter, never the advocacy rule.
    expect(webhookMatches({ ...webhook, events: ['loop.closed'] }, 'webhook.test', 'passive')).toBe(true);
    expect(webhookMatches({ ...webhook, advocacy: true }, 'webhook.test', 'passive')).toBe(false);
  });
});

describe('slackEscape', () => {
  it('escapes what Slack reads as markup (mentions, links), nothing else', () => {
    expect(slackEscape('<!channel> & <https://evil.example|click> "ok"')).toBe('&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt; "ok"');
  });
});
