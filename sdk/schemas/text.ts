import * as z from 'zod/mini';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Length in code points, the unit a person counts ("😀" is one character, not two). */
export function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

/** `value` cut to its first `max` code points (never inside a surrogate pair). */
export function truncateCodePoints(value: string, max: number): string {
  return Array.from(value).slice(0, max).join('');
}

/** Free text: well-formed Unicode, at most `max` code points. */
export function text(max: number, min = 0) {
  return z.string().check(
    z.refine((value) => !LONE_SURROGATE.test(value), { message: 'contains an unpaired surrogate (not valid Unicode text)' }),
    z.refine((value) => codePointLength(value) <= max, { message: `must be at most ${max} characters` }),
    z.refine((value) => codePointLength(value) >= min, { message: min === 1 ? 'must not be empty' : `must be at least ${min} characters` }),
  );
}

/** An absolute http(s) URL. */
export function httpUrl() {
  return z.string().check(
    z.maxLength(2048, { message: 'must be at most 2048 characters' }),
    z.refine(isHttpUrl, { message: 'must be an absolute http:// or https:// URL' }),
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
