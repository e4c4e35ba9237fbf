import * as z from 'zod/mini';
import { SEGMENTS, type Segment } from '../segment.ts';
import { text } from './text.ts';

/** A step's id: short, lowercase, stable across edits (a tick in the timeline names it). */
const stepId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'must be 1 to 40 lowercase letters, digits or dashes' }));

/**
 * One step of a playbook. `advocacy`: it asks for a referral or a review, which only promoters
 * may ever be asked (SPEC §10): the collector refuses it in a detractor or passive playbook.
 */
export const playbookStepSchema = z.strictObject({
  id: stepId,
  text: text(300, 1),
  advocacy: z.optional(z.boolean()),
});
export type PlaybookStep = z.output<typeof playbookStepSchema>;

/** What a team does with one segment's responses; `custom` when the team edited it (else the shipped defaults). */
export const playbookSchema = z.object({
  segment: z.enum(SEGMENTS),
  steps: z.array(playbookStepSchema),
  custom: z.boolean(),
});
export type Playbook = z.output<typeof playbookSchema>;

/** `GET /v1/playbooks`: one per segment, detractor, passive, promoter. */
export const playbookListSchema = z.object({ items: z.array(playbookSchema) });
export type PlaybookList = z.output<typeof playbookListSchema>;

/** Body of `PUT /v1/playbooks/:segment` (admin): the whole list of steps, ids unique. Strict. */
export const playbookChangeSchema = z.strictObject({
  steps: z.array(playbookStepSchema).check(
    z.maxLength(20, { message: 'must have at most 20 steps' }),
    z.refine((steps) => new Set(steps.map((step) => step.id)).size === steps.length, { message: 'step ids must be unique' }),
  ),
});
export type PlaybookChange = z.output<typeof playbookChangeSchema>;

/** Whether a segment's playbook may hold an advocacy step (a referral or review): promoters only. */
export const allowsAdvocacy = (segment: Segment): boolean => segment === 'promoter';
