import { toJSONSchema } from 'zod/v4/core';
import type * as z from 'zod/mini';
import { traitValueSchema } from '../../sdk/schemas/identity.ts';

// The pieces every resource's part of the OpenAPI document is written with.

/** What a custom check (opaque to the generator) accepts, said in JSON Schema. */
const CUSTOM: ReadonlyMap<unknown, Record<string, unknown>> = new Map([[traitValueSchema, { type: ['string', 'number', 'boolean', 'null'], description: 'Text (at most 500 characters), a number, true, false or null' }]]);

/** A zod schema as JSON Schema (what a client sends: the input side). */
export const json = (schema: z.ZodMiniType) =>
  toJSONSchema(schema, { unrepresentable: 'any', io: 'input', override: ({ zodSchema, jsonSchema }) => Object.assign(jsonSchema, CUSTOM.get(zodSchema)) });
/** A JSON body that is one of the document's named schemas. */
export const content = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
/** An error answer: always `{ error: { code, message, issues? } }`. */
export const error = (description: string) => ({ description, content: content('Error') });
/** Who may call an admin route: a bearer token or a session cookie. */
export const admin = [{ secretKey: [] }, { session: [] }];
/** A path parameter. */
export const pathParameter = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
