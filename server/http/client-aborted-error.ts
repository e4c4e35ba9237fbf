/**
 * The client closed the connection before its body arrived, or before a long answer was ready
 * (work for it stops there). Nothing failed on our side, so it is logged at info and never as an
 * error: anyone can open and drop connections, and must not be able to flood the error log with them.
 */
export class ClientAbortedError extends Error {
  override readonly name = 'ClientAbortedError' as const;

  constructor(options: { cause?: unknown; before?: 'body' | 'answer' } = {}) {
    super(`the client closed the request before its ${options.before ?? 'body'} ${options.before === 'answer' ? 'was ready' : 'arrived'}`, options.cause === undefined ? {} : { cause: options.cause });
  }
}

/** Whether `error` is how Node ends the body of a request whose connection closed early ("aborted", ECONNRESET). */
export function isClientAbort(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ECONNRESET';
}
