import * as z from 'zod/mini';
import { email } from './formats.ts';

// better-auth's endpoints under /api/auth, as the team app uses them. Inputs are checked as far
// as the contract goes (a password's rules are the collector's: it answers which one failed);
// answers are read leniently, only the fields the app relies on, every other one ignored.

/** A password as typed: never empty, never longer than the collector reads. */
const password = () => z.string().check(z.minLength(1, { message: 'must not be empty' }), z.maxLength(256, { message: 'must be at most 256 characters' }));

/** `POST /api/auth/sign-in/email`. */
export const signInSchema = z.strictObject({ email: email(), password: password() });
export type SignIn = z.output<typeof signInSchema>;

/** `POST /api/auth/change-password`: other sessions are always signed out with it. */
export const passwordChangeSchema = z.strictObject({ currentPassword: password(), newPassword: password() });
export type PasswordChange = z.output<typeof passwordChangeSchema>;

/** `POST /api/auth/request-password-reset`. */
export const passwordResetRequestSchema = z.strictObject({ email: email() });

/** `POST /api/auth/reset-password`: the link's token and the new password. */
export const passwordResetSchema = z.strictObject({ token: z.string().check(z.minLength(1, { message: 'must not be empty' }), z.maxLength(200)), newPassword: password() });
export type PasswordReset = z.output<typeof passwordResetSchema>;

/** What a sign-in answers that the app reads: who signed in. */
export const signedInSchema = z.object({ user: z.object({ id: z.string(), email: z.string(), name: z.string() }) });
export type SignedIn = z.output<typeof signedInSchema>;
