import type * as z from 'zod/mini';

/** One problem with an input, located by a dotted path (`user.email`, `drivers.2`). */
export interface FieldIssue {
  path: string;
  message: string;
}

type RawIssue = z.core.$ZodIssue;

/**
 * Turns zod's issues into messages a person can act on, each naming the field.
 * zod/mini ships no message catalogue (to stay small), so the words are ours.
 */
export function toFieldIssues(issues: readonly RawIssue[]): FieldIssue[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, message: 'is not a known field' }));
    }
    return [{ path: path || '(root)', message: describe(issue) }];
  });
}

/** `field: message; other: message`, for one console line or an Error message. */
export function formatIssues(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => `${issue.path} ${issue.message}`).join('; ');
}

function describe(issue: RawIssue): string {
  // Our schemas attach words of their own where zod's codes would be vague.
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      // `input` is there only when parsed with `reportInput: true`.
      if (!('input' in issue)) return `must be ${article(issue.expected)}`;
      return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}, got ${typeName(issue.input)}`;
    case 'too_big':
      return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}${unit(issue.origin)}`;
    case 'too_small':
      return `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}${unit(issue.origin)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'regex' || !issue.format ? 'has the wrong format' : `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return 'does not match any allowed form';
    default:
      return 'is invalid';
  }
}

function unit(origin: string): string {
  if (origin === 'string') return ' characters';
  if (origin === 'array' || origin === 'set') return ' items';
  return '';
}

function article(expected: string): string {
  if (expected === 'int') return 'a whole number';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function typeName(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'NaN';
  return typeof input === 'string' ? `the text ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)}` : typeof input;
}
