import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { Actor, Change, ChangeCreate } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { inList } from '../db/in-list.ts';
import { select, selectOne } from '../db/rows.ts';
import { changeRowSchema, linkRowSchema, toChange, type ChangeRow } from './change-row.ts';
import { NO_EFFECTS, type ChangeEffects } from './effects.ts';
import { closeTheLoop, type PublishCounts } from './publish.ts';

/** Whose changes: the principal's team, and the sites whose responses it may link. */
export interface ChangeScope {
  teamId: string;
  siteIds: readonly string[];
}

/** A change, or why not: no such change in the team, ids that are no response of its sites, or linking to one already published. */
export type ChangeResult = { kind: 'ok'; change: Change } | { kind: 'not_found' } | { kind: 'unknown_responses'; ids: string[] } | { kind: 'published' };

/** Publishing's outcome: `published: false` when it already was (nothing happens again). */
export type PublishResult = { kind: 'ok'; change: Change; published: boolean } & PublishCounts;

/** A team's changes (SPEC §12): what it changed, the responses that asked, and publishing it to them. */
export interface ChangesStore {
  create(scope: ChangeScope, input: ChangeCreate, author: Actor): Promise<ChangeResult>;
  /** The team's changes, newest first. */
  list(teamId: string): Promise<Change[]>;
  get(teamId: string, id: string): Promise<Change | undefined>;
  /** Links more responses (already linked ones are no change). */
  link(scope: ChangeScope, id: string, responseIds: readonly string[]): Promise<ChangeResult>;
  publish(scope: ChangeScope, id: string, author: Actor): Promise<PublishResult | { kind: 'not_found' }>;
}

const idRow = z.object({ id: z.string() });

/** The `changes` and `change_responses` tables; publishing's mail and webhooks go through `effects`. */
export function changesStore(db: Driver, options: { now?: () => number; effects?: ChangeEffects } = {}): ChangesStore {
  const now = options.now ?? Date.now;
  const effects = options.effects ?? NO_EFFECTS;
  const rowOf = (tx: Driver, teamId: string, id: string) => selectOne(tx, changeRowSchema, 'changes', 'SELECT * FROM changes WHERE id = ? AND team_id = ?', [id, teamId]);
  const withLinks = async (tx: Driver, rows: readonly ChangeRow[]): Promise<Change[]> => {
    const ids = inList('change_id', rows.map((row) => row.id));
    const links = rows.length ? await select(tx, linkRowSchema, 'change_responses', `SELECT change_id, response_id FROM change_responses WHERE ${ids.sql} ORDER BY linked_at, response_id`, ids.params) : [];
    return rows.map((row) => toChange(row, links.filter((link) => link.change_id === row.id).map((link) => link.response_id)));
  };
  const one = async (tx: Driver, teamId: string, id: string) => {
    const row = await rowOf(tx, teamId, id);
    return row && (await withLinks(tx, [row]))[0];
  };
  /** Links `responseIds` through `tx`, or names the ones that are no response of the scope's sites. */
  const linkAll = async (tx: Driver, scope: ChangeScope, changeId: string, responseIds: readonly string[]): Promise<string[]> => {
    const wanted = [...new Set(responseIds)];
    const found = new Set<string>();
    // In slices: a thousand ids is more parameters than some engines take in one statement.
    for (let start = 0; start < wanted.length; start += 200) {
      const slice = wanted.slice(start, start + 200);
      const ids = inList('id', slice);
      const sites = inList('site_id', scope.siteIds);
      for (const row of await select(tx, idRow, 'responses', `SELECT id FROM responses WHERE ${ids.sql} AND ${sites.sql}`, [...ids.params, ...sites.params])) found.add(row.id);
    }
    const unknown = wanted.filter((id) => !found.has(id));
    if (unknown.length) return unknown;
    const at = now();
    for (const id of wanted) await tx.run('INSERT INTO change_responses (change_id, response_id, linked_at) VALUES (?, ?, ?) ON CONFLICT (change_id, response_id) DO NOTHING', [changeId, id, at]);
    return [];
  };

  return {
    create(scope, input, author) {
      return db.transaction(async (tx): Promise<ChangeResult> => {
        const id = randomUUID();
        await tx.run('INSERT INTO changes (id, team_id, title, body, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)', [id, scope.teamId, input.title, input.body, author.name, now()]);
        const unknown = await linkAll(tx, scope, id, input.responseIds);
        // Thrown so the transaction rolls the change back: no half-made change is left behind.
        if (unknown.length) throw new UnknownResponses(unknown);
        const change = await one(tx, scope.teamId, id);
        if (!change) throw new Error(`change ${id} vanished after its insert`);
        return { kind: 'ok', change };
      }).catch((error: unknown) => {
        if (error instanceof UnknownResponses) return { kind: 'unknown_responses', ids: error.ids };
        throw error;
      });
    },

    async list(teamId) {
      return withLinks(db, await select(db, changeRowSchema, 'changes', 'SELECT * FROM changes WHERE team_id = ? ORDER BY created_at DESC, id DESC', [teamId]));
    },

    get: (teamId, id) => one(db, teamId, id),

    link(scope, id, responseIds) {
      return db.transaction(async (tx): Promise<ChangeResult> => {
        const row = await rowOf(tx, scope.teamId, id);
        if (!row) return { kind: 'not_found' };
        // Linked after publishing, a respondent would never hear of it: say so instead.
        if (row.published_at !== null) return { kind: 'published' };
        const unknown = await linkAll(tx, scope, id, responseIds);
        if (unknown.length) return { kind: 'unknown_responses', ids: unknown };
        const change = await one(tx, scope.teamId, id);
        return change ? { kind: 'ok', change } : { kind: 'not_found' };
      });
    },

    publish(scope, id, author) {
      return db.transaction(async (tx) => {
        const at = now();
        // Only the first publishing writes (Postgres: the second waits on the row, then sees it set).
        const { changes } = await tx.run('UPDATE changes SET published_at = ? WHERE id = ? AND team_id = ? AND published_at IS NULL', [at, id, scope.teamId]);
        const row = await rowOf(tx, scope.teamId, id);
        if (!row) return { kind: 'not_found' as const };
        const counts = changes > 0 ? await closeTheLoop(tx, { teamId: scope.teamId, siteIds: scope.siteIds, change: row, author, at }, effects) : { emailed: 0, resolved: 0, notices: 0 };
        const [change] = await withLinks(tx, [row]);
        if (!change) throw new Error(`change ${id} has no record`);
        return { kind: 'ok' as const, change, published: changes > 0, ...counts };
      });
    },
  };
}

/** Unwinds a creation's transaction when a linked id is no response of the team. */
class UnknownResponses extends Error {
  override readonly name = 'UnknownResponses' as const;
  constructor(readonly ids: string[]) {
    super(`no such responses: ${ids.join(', ')}`);
  }
}
