/**
 * The collector cannot start for a reason the operator fixes (a port in use, a database it cannot
 * write). `server/main.ts` prints its message as one line and exits 1, with no stack trace.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError' as const;
}
