import type { KyInstance, Options } from 'ky';
import type * as z from 'zod/mini';
import { HttpError, InvalidAnswerError, NetworkError, TimeoutError } from './errors.ts';
import { toFieldIssues } from './schemas/issues.ts';
import { retryAfterMs } from './retry.ts';
import { readErrorBody } from './schemas/response.ts';

/**
 * One request through `http` (ky, its own retries off), with the SDK's typed errors: no answer
 * is a {@link NetworkError} or {@link TimeoutError}, an answer other than 2xx an
 * {@link HttpError} carrying its error body (read leniently) and `Retry-After`. Both clients
 * send through this, so they fail alike.
 */
export async function send(http: KyInstance, url: string, init: Options | undefined, timeoutMs: number, now: () => number): Promise<Response> {
  let response: Response;
  try {
    response = await http(url, init);
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') throw new TimeoutError(url, timeoutMs, { cause: error });
    throw new NetworkError(url, { cause: error });
  }
  if (!response.ok) throw new HttpError(url, response.status, readErrorBody(await response.json().catch(() => undefined)), retryAfterMs(response.headers.get('retry-after'), now()));
  return response;
}

/** An answer's JSON checked against the contract: off-contract is an {@link InvalidAnswerError} naming each field. */
export function readAnswer<S extends z.ZodMiniType>(url: string, schema: S, json: unknown): z.output<S> {
  const result = schema.safeParse(json);
  if (!result.success) throw new InvalidAnswerError(url, toFieldIssues(result.error.issues));
  return result.data;
}
