import type { Messages, Words } from './index.ts';
import { enLater } from './locales/en-later.ts';

/**
 * `words` with English for every key it lacks: how an English page gets the later steps' words,
 * which load with those steps. A translated locale has every key, so nothing of it changes.
 */
export function withEnglish(words: Words): Messages {
  return { ...enLater, ...words };
}
