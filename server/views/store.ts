import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { viewQuerySchema } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { jsonText, select } from '../db/rows.ts';

/** A view a team saved, as stored. */
export interface StoredView {
  id: string;
  name: string;
  query: Record<string, string>;
}

const viewRow = z.object({ id: z.string(), name: z.string(), query: jsonText(viewQuerySchema) });

/** A team's own saved views (the built-in ones are never stored). */
export interface SavedViewsStore {
  /** The team's views, oldest first. */
  listViews(teamId: string): Promise<StoredView[]>;
  createView(teamId: string, view: { name: string; query: Record<string, string> }, createdBy: string | null): Promise<StoredView>;
  /** The view with its new name, or `undefined` when the team has no view of that id. */
  renameView(teamId: string, id: string, name: string): Promise<StoredView | undefined>;
  /** Whether a view of that team was there to delete (another team's is not). */
  deleteView(teamId: string, id: string): Promise<boolean>;
}

/** The saved_views table, on either engine. */
export function savedViewsStore(db: Driver, now: () => number = Date.now): SavedViewsStore {
  return {
    listViews: (teamId) => select(db, viewRow, 'saved_views', 'SELECT id, name, query FROM saved_views WHERE team_id = ? ORDER BY created_at, id', [teamId]),

    async createView(teamId, view, createdBy) {
      const id = `view_${randomUUID()}`;
      await db.run('INSERT INTO saved_views (id, team_id, name, query, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)', [id, teamId, view.name, JSON.stringify(view.query), createdBy, now()]);
      return { id, name: view.name, query: view.query };
    },

    async renameView(teamId, id, name) {
      const result = await db.run('UPDATE saved_views SET name = ? WHERE id = ? AND team_id = ?', [name, id, teamId]);
      if (result.changes === 0) return undefined;
      return (await select(db, viewRow, 'saved_views', 'SELECT id, name, query FROM saved_views WHERE id = ?', [id]))[0];
    },

    async deleteView(teamId, id) {
      const result = await db.run('DELETE FROM saved_views WHERE id = ? AND team_id = ?', [id, teamId]);
      return result.changes > 0;
    },
  };
}
