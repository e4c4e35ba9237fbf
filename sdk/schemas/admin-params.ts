import * as z from 'zod/mini';

// Query-string parameters: text on the wire, typed once parsed. The admin client writes typed
// values back as text and parses them with the same schema before it sends anything.

/** A date or date-time `Date.parse` reads, e.g. `2026-11-01` or `2026-11-01T12:00:00Z`. */
export const dateParam = () =>
  z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), { message: 'must be a date such as 2026-11-01 or 2026-11-01T12:00:00Z' }));

const DIGITS = /^\d+$/;

/** A whole number from `min` to `max`, written in digits. */
export const intParam = (min: number, max: number) =>
  z.pipe(
    z.string().check(
      z.regex(DIGITS, { message: 'must be a whole number' }),
      // Only for digits: "-1" is one problem (not a whole number), not two.
      z.refine((value) => !DIGITS.test(value) || (Number(value) >= min && Number(value) <= max), { message: `must be from ${min} to ${max}` }),
    ),
    z.transform(Number),
  );

/** `true` or `false`. */
export const flagParam = () => z.pipe(z.enum(['true', 'false']), z.transform((value) => value === 'true'));

/** A typed query written as query-string text: booleans and numbers as text, `undefined` left out. */
export function toParams(query: Readonly<Record<string, string | number | boolean | undefined>>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params[name] = String(value);
  return params;
}
