import type { ResponsePayload } from '../../sdk/index.ts';

let counter = 0;

/** A valid response payload; override any field. Ids are deterministic per call order. */
export function makePayload(overrides: Partial<ResponsePayload> = {}): ResponsePayload {
  counter++;
  const id = `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
  return {
    id,
    siteKey: 'pk_test1234',
    surveyId: 'nps',
    seq: 1,
    score: 9,
    status: 'partial',
    anonymousId: 'visitor-1',
    context: { url: 'https://shop.example/', locale: 'en', createdAt: '2026-11-22T10:00:00.000Z' },
    ...overrides,
  };
}
