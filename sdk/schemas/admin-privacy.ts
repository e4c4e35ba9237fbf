import * as z from 'zod/mini';
import { email } from './formats.ts';
import { text } from './text.ts';

/**
 * Body of `POST /v1/people/erase` (admin, SPEC §13): the person by any of their ids. Every response
 * matching one of them, on the team's sites, is erased with what hangs off it.
 */
export const eraseRequestSchema = z
  .strictObject({
    userId: z.optional(text(256, 1)),
    email: z.optional(email()),
    anonymousId: z.optional(text(256, 1)),
  })
  .check(z.refine((body) => body.userId !== undefined || body.email !== undefined || body.anonymousId !== undefined, { message: 'give userId, email or anonymousId' }));
export type EraseRequest = z.output<typeof eraseRequestSchema>;

/** What an erasure removed, by kind: `responses`, `notes`, `notices`, `dismissals`, `jobs`, and any the collector's other parts add (`mail`, `webhookDeliveries`). */
export const eraseResultSchema = z.object({ erased: z.record(z.string(), z.int()) });
export type EraseResult = z.output<typeof eraseResultSchema>;

/** What happens to a response older than a site's retention. */
export const RETENTION_MODES = ['anonymise', 'delete'] as const;

/**
 * Body of `PUT /v1/sites/:id/retention` and its answer: keep responses `days` days (`null`: keep
 * them), then anonymise (identity, comment, follow-up text, traits and contact removed; the score
 * stays for the trend) or delete them.
 */
export const retentionSchema = z.strictObject({
  days: z.nullable(z.int().check(z.gte(1), z.lte(36500))),
  mode: z._default(z.enum(RETENTION_MODES), 'anonymise'),
});
export type Retention = z.output<typeof retentionSchema>;
