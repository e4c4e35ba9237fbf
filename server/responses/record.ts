import * as z from 'zod/mini';
import { FOLLOW_UP_STATUSES, RESPONSE_STATUSES, SEGMENTS, responseRecordSchema, toFieldIssues, type ResponseRecord } from '../../sdk/index.ts';
import { int, nullableInt, RowShapeError } from '../db/rows.ts';

const text = z.string();
const nullableText = z.nullable(z.string());

/** A row of `responses` as both engines hand it back. */
export const responseRowSchema = z.object({
  id: text,
  site_id: text,
  survey_id: text,
  seq: int,
  score: int,
  segment: z.enum(SEGMENTS),
  status: z.enum(RESPONSE_STATUSES),
  comment: nullableText,
  follow_up: nullableText,
  drivers: nullableText,
  contact_consent: int,
  contact_email: nullableText,
  anonymous_id: text,
  user_id: nullableText,
  user_email: nullableText,
  user_name: nullableText,
  user_traits: nullableText,
  url: text,
  locale: text,
  test: int,
  client_created_at: text,
  received_at: int,
  updated_at: int,
  follow_up_status: z.enum(FOLLOW_UP_STATUSES),
  follow_up_owner: nullableText,
  follow_up_owner_id: nullableText,
  due_at: nullableInt,
});
export type ResponseRow = z.output<typeof responseRowSchema>;

export const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The admin contract's record of a row, checked on the way out: a row that does not fit (a
 * hand-edited segment, JSON that is not a list of drivers) is a {@link RowShapeError} naming
 * the field, never a wrong record downstream.
 */
export function toRecord(row: ResponseRow): ResponseRecord {
  const parsed = responseRecordSchema.safeParse({
    id: row.id,
    surveyId: row.survey_id,
    seq: row.seq,
    score: row.score,
    segment: row.segment,
    status: row.status,
    comment: row.comment,
    followUp: row.follow_up,
    drivers: parseJson(row.drivers, []),
    contactConsent: row.contact_consent === 1,
    contactEmail: row.contact_email,
    anonymousId: row.anonymous_id,
    user: row.user_id ? { id: row.user_id, email: row.user_email, name: row.user_name, traits: parseJson(row.user_traits, null) } : null,
    url: row.url,
    locale: row.locale,
    test: row.test === 1,
    createdAt: row.client_created_at,
    receivedAt: iso(row.received_at),
    updatedAt: iso(row.updated_at),
    followUpStatus: row.follow_up_status,
    followUpOwner: row.follow_up_owner,
    followUpOwnerId: row.follow_up_owner_id,
    dueAt: iso(row.due_at ?? row.received_at),
  });
  if (parsed.success) return parsed.data;
  const issues = toFieldIssues(parsed.error.issues);
  throw new RowShapeError('responses', issues.map((issue) => issue.path), `response ${row.id}: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`);
}

/** JSON the store wrote; unreadable text reads as `fallback` and the record's check then judges the shape. */
function parseJson(text: string | null, fallback: unknown): unknown {
  if (text === null) return fallback;
  try {
    return JSON.parse(text);
  } catch {
    return { unreadable: text };
  }
}
