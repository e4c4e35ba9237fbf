import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { Driver } from '../db/driver.ts';
import { int, select, selectOne } from '../db/rows.ts';
import { hashSecret, newKey, sameHash } from './keys.ts';
import { SITE_COLUMNS, siteRowSchema, type Site } from './site.ts';
import { UnknownTeamError } from './unknown-team-error.ts';

/** Sites and their keys. The secret key is returned once, at creation; only its hash is kept. */
export interface SitesStore {
  /**
   * A new site of `teamId`, or (without one) of a new team of its own named after it, as the CLI's
   * `sites add` without `--team` (SPEC §9). Throws {@link UnknownTeamError} for a team that does not exist.
   */
  createSite(input: { name: string; origins: string[]; teamId?: string }): Promise<{ site: Site; secretKey: string }>;
  listSites(): Promise<Site[]>;
  /** The sites of one team, oldest first: what its members see in Settings. */
  teamSites(teamId: string): Promise<Site[]>;
  /**
   * Renames a site of `teamId` and/or replaces its origins; the site before and after, or
   * `undefined` when `teamId` has no site `id` (another team's site does not exist for it).
   */
  updateSite(teamId: string, id: string, change: { name?: string; origins?: string[] }): Promise<{ before: Site; after: Site } | undefined>;
  siteByPublicKey(publicKey: string): Promise<Site | undefined>;
  siteBySecret(secretKey: string): Promise<Site | undefined>;
}

/** A new team's follow-up SLA (the teams table's default). */
const DEFAULT_SLA_DAYS = 7;
const teamRow = z.object({ sla_days: int });
const withoutHash = ({ secretHash: _hash, ...site }: Site & { secretHash: string }): Site => site;

/** The sites table, on either engine. */
export function sitesStore(db: Driver, now: () => number = Date.now): SitesStore {
  return {
    async createSite({ name, origins, teamId }) {
      const secretKey = newKey('sk');
      const id = randomUUID();
      const createdAt = now();
      // The team and its site commit together: a site never exists without its team.
      const site = await db.transaction(async (tx): Promise<Site> => {
        let team: { id: string; slaDays: number };
        if (teamId === undefined) {
          team = { id: `team_${id}`, slaDays: DEFAULT_SLA_DAYS };
          await tx.run('INSERT INTO teams (id, name, sla_days, created_at) VALUES (?, ?, ?, ?)', [team.id, name, team.slaDays, createdAt]);
        } else {
          const found = await selectOne(tx, teamRow, 'teams', 'SELECT sla_days FROM teams WHERE id = ?', [teamId]);
          if (!found) throw new UnknownTeamError(teamId);
          team = { id: teamId, slaDays: found.sla_days };
        }
        const created: Site = { id, name, publicKey: newKey('pk'), origins, createdAt, teamId: team.id, slaDays: team.slaDays };
        await tx.run('INSERT INTO sites (id, name, public_key, secret_hash, origins, created_at, team_id) VALUES (?, ?, ?, ?, ?, ?, ?)', [
          id,
          name,
          created.publicKey,
          hashSecret(secretKey),
          JSON.stringify(origins),
          createdAt,
          team.id,
        ]);
        return created;
      });
      return { site, secretKey };
    },

    async listSites() {
      return (await select(db, siteRowSchema, 'sites', `SELECT ${SITE_COLUMNS} ORDER BY sites.created_at, sites.id`)).map(withoutHash);
    },

    async teamSites(teamId) {
      return (await select(db, siteRowSchema, 'sites', `SELECT ${SITE_COLUMNS} WHERE sites.team_id = ? ORDER BY sites.created_at, sites.id`, [teamId])).map(withoutHash);
    },

    async updateSite(teamId, id, change) {
      return db.transaction(async (tx) => {
        const read = async () => {
          const row = await selectOne(tx, siteRowSchema, 'sites', `SELECT ${SITE_COLUMNS} WHERE sites.id = ? AND sites.team_id = ?`, [id, teamId]);
          return row && withoutHash(row);
        };
        const before = await read();
        if (!before) return undefined;
        await tx.run('UPDATE sites SET name = ?, origins = ? WHERE id = ? AND team_id = ?', [change.name ?? before.name, JSON.stringify(change.origins ?? before.origins), id, teamId]);
        const after = await read();
        return after && { before, after };
      });
    },

    async siteByPublicKey(publicKey) {
      const row = await selectOne(db, siteRowSchema, 'sites', `SELECT ${SITE_COLUMNS} WHERE sites.public_key = ?`, [publicKey]);
      return row && withoutHash(row);
    },

    async siteBySecret(secretKey) {
      const hash = hashSecret(secretKey);
      const row = await selectOne(db, siteRowSchema, 'sites', `SELECT ${SITE_COLUMNS} WHERE sites.secret_hash = ?`, [hash]);
      return row && sameHash(row.secretHash, hash) ? withoutHash(row) : undefined;
    },
  };
}
