import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { toFieldIssues, type FieldIssue } from '../../sdk/index.ts';

/** Parses with `schema`; on failure, the field issues for a 400. */
export function check<S extends z.ZodMiniType>(schema: S, input: unknown): { ok: true; value: z.output<S> } | { ok: false; issues: FieldIssue[] } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  // Parse again with the inputs attached only on failure: the messages quote them, the happy path needs none.
  const detailed = schema.safeParse(input, { reportInput: true });
  return { ok: false, issues: toFieldIssues(detailed.success ? result.error.issues : detailed.error.issues) };
}

/** Reads a JSON body sent as application/json or text/plain (beacons). `undefined` when it is not JSON. */
export async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false; reason: 'media-type' | 'json' }> {
  const type = (c.req.header('content-type') ?? 'text/plain').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json' && type !== 'text/plain') return { ok: false, reason: 'media-type' };
  const text = await c.req.text();
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: 'json' };
  }
}
