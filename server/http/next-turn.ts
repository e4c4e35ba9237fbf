import { setImmediate } from 'node:timers/promises';
import { ClientAbortedError } from './client-aborted-error.ts';

/**
 * Waits for the event loop's next turn, so that requests which arrived meanwhile get theirs: an
 * answer made of several queries calls it between them. On SQLite a query holds the whole process
 * while it runs; without a turn between them, a list asked for while the saved views are counted
 * would wait for every count, not just the one running. Throws {@link ClientAbortedError} when
 * the client has gone meanwhile (its request's signal aborted), so the rest of the answer is not
 * worked out for nobody.
 */
export async function nextTurnFor(signal: AbortSignal): Promise<void> {
  await setImmediate();
  if (signal.aborted) throw new ClientAbortedError({ before: 'answer' });
}
