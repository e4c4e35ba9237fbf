import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldIssue } from '../../sdk/index.ts';

/** Every error answer has one shape: `{ error: { code, message, issues? } }` (SPEC §6). */
export function problem(c: Context, status: ContentfulStatusCode, code: string, message: string, issues?: FieldIssue[]) {
  return c.json({ error: { code, message, ...(issues ? { issues } : {}) } }, status);
}
