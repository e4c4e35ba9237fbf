import { enFirst } from './en-first.ts';
import { enLater } from './en-later.ts';

/** English: the reference every other locale must match key for key. */
export const en = { ...enFirst, ...enLater };

export type Messages = typeof en;
export type MessageKey = keyof Messages;
/** The words the first view renders: every locale's, and English's `enFirst`. */
export type FirstWords = typeof enFirst;
