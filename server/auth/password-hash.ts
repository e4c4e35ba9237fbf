import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id at OWASP's recommended floor (Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1),
 * from @node-rs/argon2 (the reference implementation's Rust port). The parameters travel inside
 * each hash, so raising them later still verifies what is stored.
 */
export const ARGON2_OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum, not importable under verbatimModuleSyntax) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** What better-auth calls to hash and check passwords (`emailAndPassword.password`). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(input: { hash: string; password: string }): Promise<boolean>;
}

export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password, ARGON2_OPTIONS),
  async verify({ hash: stored, password }) {
    try {
      return await verify(stored, password);
    } catch {
      return false; // not an argon2 hash (a row written by hand): no match, never a 500
    }
  },
};
