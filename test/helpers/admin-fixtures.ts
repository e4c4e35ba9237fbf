import type { ResponseDetail, ResponseRecord } from '../../sdk/index.ts';

/** A record as the admin API answers it; override any field. */
export function makeRecord(overrides: Partial<ResponseRecord> = {}): ResponseRecord {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    surveyId: 'nps',
    seq: 2,
    score: 3,
    segment: 'detractor',
    status: 'complete',
    comment: 'Too slow',
    followUp: null,
    drivers: [],
    contactConsent: false,
    contactEmail: null,
    anonymousId: 'visitor-1',
    user: null,
    url: 'https://shop.example/',
    locale: 'en',
    test: false,
    createdAt: '2026-11-22T10:00:00.000Z',
    receivedAt: '2026-11-22T10:00:01.000Z',
    updatedAt: '2026-11-22T10:00:05.000Z',
    followUpStatus: 'new',
    followUpOwner: null,
    followUpOwnerId: null,
    dueAt: '2026-11-29T10:00:01.000Z',
    ...overrides,
  };
}

/** A detail: the record, its arrival in the timeline, no other responses. */
export function makeDetail(record: ResponseRecord = makeRecord()): ResponseDetail {
  return { response: record, timeline: [{ kind: 'created', at: record.receivedAt, author: null }], others: [] };
}
