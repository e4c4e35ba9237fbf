import { dictionary } from '@zxcvbn-ts/language-common';

/** ASVS 2.1.1: at least 12 characters. */
export const MIN_PASSWORD_LENGTH = 12;
/** better-auth refuses longer ones (hashing megabytes is a denial of service). */
export const MAX_PASSWORD_LENGTH = 256;

let common: Set<string> | undefined;
/** zxcvbn's list of the most common passwords (about 30,000, shipped in the package; no network). */
function commonPasswords(): Set<string> {
  return (common ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase())));
}

export interface PasswordProblem {
  code: 'password_too_short' | 'password_too_long' | 'password_too_common';
  message: string;
}

/**
 * Why a new password is refused, or `undefined` when it is fine. Common means: in the list, in
 * any case, also once trailing digits and symbols are dropped ("Password1234!"), a single
 * character repeated, or the person's own email address or its name part.
 * @example passwordProblem('correct horse battery') // undefined
 */
export function passwordProblem(password: string, email?: string): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return { code: 'password_too_short', message: `must be at least ${MIN_PASSWORD_LENGTH} characters (this one has ${length})` };
  if (length > MAX_PASSWORD_LENGTH) return { code: 'password_too_long', message: `must be at most ${MAX_PASSWORD_LENGTH} characters` };
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  const own = email?.toLowerCase();
  if (commonPasswords().has(lower) || (stem.length >= 4 && commonPasswords().has(stem)) || /^(.)\1*$/u.test(password) || (own && (lower.includes(own) || lower === own.split('@')[0])))
    return { code: 'password_too_common', message: 'is too common or too easy to guess: choose a longer phrase that is yours alone' };
  return undefined;
}
