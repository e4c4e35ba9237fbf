import type * as z from 'zod/mini';
import { InvalidInputError } from './invalid-input-error.ts';
import { toFieldIssues } from './schemas/issues.ts';

/**
 * Parses `input` with `schema`, or throws an {@link InvalidInputError} whose issues name each
 * bad field. `what` names the input in the message ("survey configuration", "response").
 */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw invalidInput(what, result.error.issues);
  return result.data;
}

/** The {@link InvalidInputError} for zod's `issues` with `what`: each issue worded and located. */
export function invalidInput(what: string, issues: readonly z.core.$ZodIssue[]): InvalidInputError {
  return new InvalidInputError(what, toFieldIssues(issues));
}
