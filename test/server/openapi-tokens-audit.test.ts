import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { openApiDocument } from '../../server/openapi.ts';

// The document is plain JSON: read it back through a schema of the parts asserted, never cast.
const documentSchema = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.object({ parameters: z.optional(z.array(z.object({ name: z.string() }))), responses: z.record(z.string(), z.unknown()) }))),
  components: z.object({ schemas: z.record(z.string(), z.object({ properties: z.optional(z.record(z.string(), z.unknown())), required: z.optional(z.array(z.string())) })) }),
});

describe('the OpenAPI document for tokens and the audit log', () => {
  const doc = documentSchema.parse(JSON.parse(JSON.stringify(openApiDocument('1.0.0'))));

  it('lists each route with the statuses it answers', () => {
    const statuses = (path: string, method: string) => Object.keys(doc.paths[path]?.[method]?.responses ?? {}).sort();
    expect(statuses('/v1/tokens', 'get')).toEqual(['200', '401', '403']);
    expect(statuses('/v1/tokens', 'post')).toEqual(['201', '400', '401', '403', '415']);
    expect(statuses('/v1/tokens/{id}', 'delete')).toEqual(['204', '401', '403', '404']);
    expect(statuses('/v1/audit', 'get')).toEqual(['200', '400', '401', '403']);
    expect(doc.paths['/v1/audit']?.get?.parameters?.map((parameter) => parameter.name).sort()).toEqual(['action', 'cursor', 'limit']);
  });

  it('describes the bodies from the SDK’s schemas: the created token has its secret, the listed ones do not', () => {
    const { schemas } = doc.components;
    expect(schemas.ApiTokenCreate?.required?.sort()).toEqual(['name', 'scope']);
    expect(schemas.ApiTokenCreated?.required?.sort()).toEqual(['secret', 'token']);
    expect(JSON.stringify(schemas.ApiTokenList)).not.toMatch(/secret|hash/i);
    expect(Object.keys(schemas.AuditPage?.properties ?? {}).sort()).toEqual(['items', 'nextCursor']);
  });
});
