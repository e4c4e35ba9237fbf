import type { FieldIssue } from '../../sdk/index.ts';

/**
 * What went wrong with a call to the collector, as data: views turn it into words. `offline` for
 * no answer (network, timeout), `http` for an answer other than 2xx, `invalid` for an input the
 * SDK refused before sending, `unexpected` for anything else (an answer off-contract, a bug).
 */
export type Failure =
  | { kind: 'offline' }
  | { kind: 'http'; status: number; code: string | undefined; message: string | undefined; retryAfterSeconds: number | undefined; issues: FieldIssue[] }
  | { kind: 'invalid'; issues: FieldIssue[] }
  | { kind: 'unexpected'; message: string };

/** The {@link Failure} for what a client call rejected with (the SDK's typed errors, read by `name`). */
export function toFailure(error: unknown): Failure {
  if (!(error instanceof Error)) return { kind: 'unexpected', message: String(error) };
  if (error.name === 'NetworkError' || error.name === 'TimeoutError') return { kind: 'offline' };
  if (error.name === 'InvalidInputError' && 'issues' in error && Array.isArray(error.issues)) return { kind: 'invalid', issues: error.issues };
  if (error.name === 'HttpError' && 'status' in error && typeof error.status === 'number') {
    const body = 'body' in error ? readBody(error.body) : undefined;
    const wait = 'retryAfterMs' in error && typeof error.retryAfterMs === 'number' ? Math.ceil(error.retryAfterMs / 1000) : undefined;
    return { kind: 'http', status: error.status, code: body?.code, message: body?.message, retryAfterSeconds: wait, issues: body?.issues ?? [] };
  }
  return { kind: 'unexpected', message: error.message };
}

function readBody(body: unknown): { code: string; message: string | undefined; issues: FieldIssue[] } | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const inner = body.error;
  if (typeof inner !== 'object' || inner === null || !('code' in inner) || typeof inner.code !== 'string') return undefined;
  const message = 'message' in inner && typeof inner.message === 'string' ? inner.message : undefined;
  const issues = 'issues' in inner && Array.isArray(inner.issues) ? inner.issues.filter(isIssue) : [];
  return { code: inner.code, message, issues };
}

const isIssue = (value: unknown): value is FieldIssue => typeof value === 'object' && value !== null && 'path' in value && typeof value.path === 'string' && 'message' in value && typeof value.message === 'string';

/** Whether the failure means "you are not signed in (any more)". */
export const isUnauthorized = (failure: Failure | undefined) => failure?.kind === 'http' && failure.status === 401;
