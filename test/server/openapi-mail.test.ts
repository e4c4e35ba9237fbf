import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { openApiDocument } from '../../server/openapi.ts';

// The document is plain JSON: read it back through a schema of the parts asserted, never cast.
const documentSchema = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.object({ parameters: z.optional(z.array(z.object({ name: z.string() }))), responses: z.record(z.string(), z.unknown()) }))),
  components: z.object({ schemas: z.record(z.string(), z.object({ properties: z.optional(z.record(z.string(), z.unknown())), required: z.optional(z.array(z.string())) })) }),
});

describe('the OpenAPI document for mail', () => {
  const doc = documentSchema.parse(JSON.parse(JSON.stringify(openApiDocument('1.0.0'))));
  const statuses = (path: string, method: string) => Object.keys(doc.paths[path]?.[method]?.responses ?? {}).sort();

  it('lists each mail route with the statuses it answers', () => {
    expect(statuses('/v1/responses/{id}/reply', 'post')).toEqual(['201', '400', '401', '403', '404', '415']);
    expect(statuses('/v1/outbox', 'get')).toEqual(['200', '400', '401', '403']);
    expect(statuses('/v1/me/mail-preferences', 'get')).toEqual(['200', '401', '403']);
    expect(statuses('/v1/me/mail-preferences', 'put')).toEqual(['200', '400', '401', '403', '415']);
    expect(statuses('/v1/team/alert-recipients', 'get')).toEqual(['200', '401', '403']);
    expect(statuses('/v1/team/alert-recipients', 'patch')).toEqual(['200', '400', '401', '403', '415']);
    expect(doc.paths['/v1/outbox']?.get?.parameters?.map((parameter) => parameter.name).sort()).toEqual(['limit', 'state']);
  });

  it('describes the bodies from the SDK’s schemas', () => {
    const { schemas } = doc.components;
    expect(schemas.Reply?.required?.sort()).toEqual(['body', 'subject']);
    expect(schemas.MailPreferences?.required?.sort()).toEqual(['digest', 'newDetractor', 'reminders']);
    expect(Object.keys(schemas.AlertRecipients?.properties ?? {})).toEqual(['emails']);
    expect(Object.keys(schemas.OutboxPage?.properties ?? {})).toEqual(['items']);
  });
});
