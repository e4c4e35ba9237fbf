import type * as z from 'zod/mini';

/** An input that failed its schema, with zod's raw issues: worded only when reported. */
export class Rejected {
  constructor(
    readonly what: 'survey configuration' | 'identity',
    readonly issues: readonly z.core.$ZodIssue[],
  ) {}
}

/** `schema`'s output for `input`, or a thrown {@link Rejected}. */
export function check<S extends z.ZodMiniType>(schema: S, input: unknown, what: Rejected['what']): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw new Rejected(what, result.error.issues);
  return result.data;
}
