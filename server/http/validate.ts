import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { toFieldIssues, type FieldIssue } from '../../sdk/index.ts';
import { replaceNul } from '../db/nul-text.ts';
import { ClientAbortedError, isClientAbort } from './client-aborted-error.ts';

/**
 * Parses with `schema`; on failure, the field issues for a 400. Every string of the parsed value
 * (object keys too) has U+0000 replaced by U+FFFD: Postgres cannot store NUL in text and SQLite
 * can, so without this one engine would answer 500, and the widget retry that forever.
 */
export function check<S extends z.ZodMiniType>(schema: S, input: unknown): { ok: true; value: z.output<S> } | { ok: false; issues: FieldIssue[] } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: withoutNul(result.data) };
  // Parse again with the inputs attached only on failure: the messages quote them, the happy path needs none.
  const detailed = schema.safeParse(input, { reportInput: true });
  return { ok: false, issues: toFieldIssues(detailed.success ? result.error.issues : detailed.error.issues) };
}

/**
 * `value` with U+0000 replaced in its strings, arrays and plain objects; the same reference when
 * it holds none (the usual case costs no copy). Only parsed output comes here: its depth is the
 * schema's, never the sender's.
 */
function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return replaceNul(value) as T; // the same type: a string stays a string
  if (Array.isArray(value)) {
    const items: unknown[] = value.map(withoutNul);
    return items.some((item, index) => item !== value[index]) ? (items as T) : value;
  }
  if (value === null || typeof value !== 'object' || !isPlain(value)) return value;
  let changed = false;
  const entries = Object.entries(value).map(([key, item]) => {
    const next: [string, unknown] = [replaceNul(key), withoutNul(item)];
    if (next[0] !== key || next[1] !== item) changed = true;
    return next;
  });
  return changed ? (Object.fromEntries(entries) as T) : value;
}

function isPlain(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Reads a JSON body sent as application/json or text/plain (beacons). `undefined` when it is not
 * JSON. Throws {@link ClientAbortedError} when the client hangs up before the body is complete.
 */
export async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false; reason: 'media-type' | 'json' }> {
  const type = (c.req.header('content-type') ?? 'text/plain').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json' && type !== 'text/plain') return { ok: false, reason: 'media-type' };
  let text: string;
  try {
    text = await c.req.text();
  } catch (error) {
    if (isClientAbort(error)) throw new ClientAbortedError({ cause: error });
    throw error;
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: 'json' };
  }
}
