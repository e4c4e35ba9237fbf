import type { Failure } from './failure.ts';

/** The collector's password rules (design: 12+ characters, not on its common-password list). */
export const PASSWORD_MIN_LENGTH = 12;

/** A password the collector refuses, by its error code. */
export type PasswordProblem = 'password_too_short' | 'password_too_common';

/** The length rule, checked before sending (the common-password list is the collector's to check). */
export function passwordProblemBeforeSending(password: string): PasswordProblem | undefined {
  return [...password].length < PASSWORD_MIN_LENGTH ? 'password_too_short' : undefined;
}

/** The password rule a failed call broke, when it was one (better-auth spells its codes in capitals). */
export function passwordProblemOf(failure: Failure | undefined): PasswordProblem | undefined {
  if (failure?.kind !== 'http' || failure.status !== 400) return undefined;
  const code = failure.code?.toLowerCase();
  return code === 'password_too_short' || code === 'password_too_common' ? code : undefined;
}
