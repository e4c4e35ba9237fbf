import * as z from 'zod/mini';
import { int, jsonText } from '../db/rows.ts';

/** A site the collector takes responses for: its keys, the origins whose pages may post, its team. */
export interface Site {
  id: string;
  name: string;
  publicKey: string;
  /** Exact origins (`https://shop.example`) whose pages may post. */
  origins: string[];
  createdAt: number;
  /** The team that owns the site (SPEC §9). */
  teamId: string;
  /** The team's follow-up SLA: a new response is due this many days after it arrives. */
  slaDays: number;
}

/** The columns every read of a site selects: the site, and its team's SLA (a LEFT JOIN, so a site without a team is a row error, never missing). */
export const SITE_COLUMNS = 'sites.*, teams.sla_days AS sla_days FROM sites LEFT JOIN teams ON teams.id = sites.team_id';

/** A row of `sites` joined with its team's `sla_days`, as both engines hand it back. */
export const siteRowSchema = z.pipe(
  z.object({
    id: z.string(),
    name: z.string(),
    public_key: z.string(),
    secret_hash: z.string(),
    origins: jsonText(z.array(z.string())),
    created_at: int,
    team_id: z.string(),
    sla_days: int,
  }),
  z.transform(
    (row): Site & { secretHash: string } => ({
      id: row.id,
      name: row.name,
      publicKey: row.public_key,
      origins: row.origins,
      createdAt: row.created_at,
      teamId: row.team_id,
      slaDays: row.sla_days,
      secretHash: row.secret_hash,
    }),
  ),
);
