import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new public key (`pk_…`, safe in page source) or secret key (`sk_…`, admin API only). */
export function newKey(prefix: 'pk' | 'sk'): string {
  return `${prefix}_${randomBytes(prefix === 'pk' ? 18 : 32).toString('base64url')}`;
}

/** Only the hash of a secret key is stored; a leaked database leaks no admin access. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
