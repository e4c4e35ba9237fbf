import type { ErrorBody } from './schemas/response.ts';
import type { FieldIssue } from './schemas/issues.ts';
import { formatIssues } from './schemas/issues.ts';
import type { InvalidInputError } from './invalid-input-error.ts';
import { isRetryableStatus } from './retry.ts';

export { InvalidInputError } from './invalid-input-error.ts';

/** The server answered with a status other than 2xx. `body` is its parsed error body, when it sent one. */
export class HttpError extends Error {
  override readonly name = 'HttpError' as const;
  /** Whether sending the same request again may succeed (408, 429, 5xx). */
  readonly retryable: boolean;
  constructor(
    readonly url: string,
    readonly status: number,
    readonly body: ErrorBody | undefined,
    /** What the server's `Retry-After` asked for, in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    const detail = body ? ` ${body.error.code}${body.error.message ? `: ${body.error.message}` : ''}` : '';
    super(`${url} answered ${status}${detail}`);
    this.retryable = isRetryableStatus(status);
  }
}

/** The request never got an answer: offline, DNS, connection refused or reset. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError' as const;
  readonly retryable = true;
  constructor(readonly url: string, options?: { cause?: unknown }) {
    super(`could not reach ${url}`, options);
  }
}

/** No answer within `timeoutMs`. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError' as const;
  readonly retryable = true;
  constructor(readonly url: string, readonly timeoutMs: number, options?: { cause?: unknown }) {
    super(`no answer from ${url} within ${timeoutMs} ms`, options);
  }
}

/** The server answered 2xx with a body that is not what the contract says. */
export class InvalidAnswerError extends Error {
  override readonly name = 'InvalidAnswerError' as const;
  readonly retryable = false;
  constructor(readonly url: string, readonly issues: FieldIssue[]) {
    super(`unexpected answer from ${url}: ${formatIssues(issues)}`);
  }
}

/** Every error the client raises. Switch on `name`. */
export type ClientError = HttpError | NetworkError | TimeoutError | InvalidInputError | InvalidAnswerError;

/** True for the errors worth trying again later (network, timeout, 408, 429, 5xx). */
export function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'retryable' in error && error.retryable === true;
}
