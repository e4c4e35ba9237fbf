import { setImmediate } from 'node:timers/promises';

/**
 * Waits for the event loop's next turn, so that requests which arrived meanwhile get theirs: an
 * answer made of several queries calls it between them. On SQLite a query holds the whole process
 * while it runs; without a turn between them, a list asked for while the saved views are counted
 * would wait for every count, not just the one running.
 */
export const nextTurn = (): Promise<void> => setImmediate();
