import * as z from 'zod/mini';
import { changeSchema, type Change } from '../../sdk/index.ts';
import { int, nullableInt } from '../db/rows.ts';

/** A `changes` row as both engines hand it back. */
export const changeRowSchema = z.object({
  id: z.string(),
  team_id: z.string(),
  title: z.string(),
  body: z.string(),
  created_by: z.string(),
  created_at: int,
  published_at: nullableInt,
});
export type ChangeRow = z.output<typeof changeRowSchema>;

/** A `change_responses` row. */
export const linkRowSchema = z.object({ change_id: z.string(), response_id: z.string() });

/** The contract's change of a row and its linked responses, checked on the way out. */
export function toChange(row: ChangeRow, responseIds: readonly string[]): Change {
  return changeSchema.parse({
    id: row.id,
    title: row.title,
    body: row.body,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    publishedAt: row.published_at === null ? null : new Date(row.published_at).toISOString(),
    responseIds,
  });
}
