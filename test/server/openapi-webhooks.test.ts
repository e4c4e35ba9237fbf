import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { openApiDocument } from '../../server/openapi.ts';

// Read back through a schema of the parts asserted, never cast.
const documentSchema = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.object({ responses: z.record(z.string(), z.unknown()) }))),
  components: z.object({ schemas: z.record(z.string(), z.object({ properties: z.optional(z.record(z.string(), z.unknown())), required: z.optional(z.array(z.string())) })) }),
});

describe('the OpenAPI document for webhooks', () => {
  const doc = documentSchema.parse(JSON.parse(JSON.stringify(openApiDocument('1.0.0'))));
  const statuses = (path: string, method: string) => Object.keys(doc.paths[path]?.[method]?.responses ?? {}).sort();

  it('lists each route with the statuses it answers', () => {
    expect(statuses('/v1/webhooks', 'get')).toEqual(['200', '401', '403']);
    expect(statuses('/v1/webhooks', 'post')).toEqual(['201', '400', '401', '403', '415']);
    expect(statuses('/v1/webhooks/{id}', 'patch')).toEqual(['200', '400', '401', '403', '404', '415']);
    expect(statuses('/v1/webhooks/{id}', 'delete')).toEqual(['204', '401', '403', '404']);
    expect(statuses('/v1/webhooks/{id}/rotate', 'post')).toEqual(['200', '401', '403', '404']);
    expect(statuses('/v1/webhooks/{id}/deliveries', 'get')).toEqual(['200', '400', '401', '403', '404']);
    expect(statuses('/v1/webhooks/{id}/deliveries/{deliveryId}/replay', 'post')).toEqual(['202', '401', '403', '404', '409']);
    expect(statuses('/v1/webhooks/{id}/test', 'post')).toEqual(['202', '401', '403', '404', '409']);
  });

  it('the created webhook has its secret; the listed ones never do', () => {
    const { schemas } = doc.components;
    expect(schemas.WebhookCreate?.required?.sort()).toEqual(['events', 'url']);
    expect(schemas.WebhookCreated?.required?.sort()).toEqual(['id', 'secret', 'webhook']);
    expect(JSON.stringify(schemas.WebhookList)).not.toMatch(/secret/i);
    expect(Object.keys(schemas.WebhookEvent?.properties ?? {}).sort()).toEqual(['data', 'timestamp', 'type']);
  });
});
