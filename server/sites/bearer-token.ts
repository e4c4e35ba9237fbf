/**
 * The token of an `Authorization: Bearer …` header. The scheme is case-insensitive (RFC 9110
 * §11.1), so `bearer` and `BEARER` are the same scheme.
 * @example bearerToken('bearer sk_abc') // 'sk_abc'
 */
export function bearerToken(header: string | undefined): string | undefined {
  return /^bearer +([\w.~+/-]+=*) *$/i.exec(header ?? '')?.[1];
}
