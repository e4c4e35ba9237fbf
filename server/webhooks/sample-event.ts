import type { WebhookEventBody } from '../../sdk/index.ts';

/** What "send test event" sends: a made-up promoter's response, so a receiver sees every field filled. */
export function sampleEventData(at: number): WebhookEventBody['data'] {
  const when = new Date(at).toISOString();
  return {
    response: {
      id: 'resp_test',
      surveyId: 'nps',
      seq: 2,
      score: 9,
      segment: 'promoter',
      status: 'complete',
      comment: 'This is a test event from onepoint.',
      followUp: null,
      drivers: ['support'],
      contactConsent: false,
      contactEmail: null,
      anonymousId: 'anon_test',
      user: { id: 'user_test', email: 'test@example.com', name: 'Test User', traits: null },
      url: 'https://example.com/',
      locale: 'en',
      test: true,
      createdAt: when,
      receivedAt: when,
      updatedAt: when,
      followUpStatus: 'new',
      followUpOwner: null,
      followUpOwnerId: null,
      dueAt: when,
    },
  };
}
