import * as z from 'zod/mini';
import { playbookStepSchema, SEGMENTS, type Playbook, type PlaybookStep, type Segment } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { jsonText, select, selectOne } from '../db/rows.ts';
import { DEFAULT_PLAYBOOKS } from './defaults.ts';

const playbookRow = z.object({ segment: z.enum(SEGMENTS), steps: jsonText(z.array(playbookStepSchema)) });
const stepsRow = z.object({ steps: jsonText(z.array(playbookStepSchema)) });

/** A team's playbooks (SPEC §10): the shipped defaults until an admin edits a segment's. */
export interface PlaybooksStore {
  /** One per segment, in the order detractor, passive, promoter. */
  listPlaybooks(teamId: string): Promise<Playbook[]>;
  /** Replaces a segment's steps (advocacy already refused by the route); answers the playbook after. */
  setPlaybook(teamId: string, segment: Segment, steps: readonly PlaybookStep[], updatedBy: string | null): Promise<Playbook>;
}

/** The playbooks table, on either engine. */
export function playbooksStore(db: Driver, now: () => number = Date.now): PlaybooksStore {
  return {
    async listPlaybooks(teamId) {
      const rows = await select(db, playbookRow, 'playbooks', 'SELECT segment, steps FROM playbooks WHERE team_id = ?', [teamId]);
      return SEGMENTS.map((segment) => {
        const row = rows.find((one) => one.segment === segment);
        return row ? { segment, steps: row.steps, custom: true } : { segment, steps: [...DEFAULT_PLAYBOOKS[segment]], custom: false };
      });
    },

    async setPlaybook(teamId, segment, steps, updatedBy) {
      const params = [teamId, segment, JSON.stringify(steps), updatedBy, now()];
      await db.run(
        `INSERT INTO playbooks (team_id, segment, steps, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (team_id, segment) DO UPDATE SET steps = excluded.steps, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        params,
      );
      return { segment, steps: [...steps], custom: true };
    },
  };
}

/**
 * One step of a team's playbook for a segment, or `undefined`: what follow-ups ask before they
 * record a tick (STYLE.md: through a function this resource exports, in the caller's transaction).
 */
export async function playbookStep(db: Driver, teamId: string, segment: Segment, stepId: string): Promise<PlaybookStep | undefined> {
  const row = await selectOne(db, stepsRow, 'playbooks', 'SELECT steps FROM playbooks WHERE team_id = ? AND segment = ?', [teamId, segment]);
  return (row?.steps ?? DEFAULT_PLAYBOOKS[segment]).find((step) => step.id === stepId);
}
