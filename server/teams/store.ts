import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import { ROLES, type Invitation, type Member, type Role, type Team } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { int, nullableInt, select, selectOne } from '../db/rows.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const role = z.enum(ROLES);

const teamRow = z.pipe(
  z.object({ id: z.string(), name: z.string(), sla_days: int, created_at: int }),
  z.transform((row): Team => ({ id: row.id, name: row.name, slaDays: row.sla_days, createdAt: iso(row.created_at) })),
);
const membershipRow = z.pipe(
  z.object({ id: z.string(), name: z.string(), role }),
  z.transform((row) => ({ id: row.id, name: row.name, role: row.role })),
);
const memberRow = z.pipe(
  z.object({ user_id: z.string(), name: z.string(), email: z.string(), role, created_at: int, has_password: int }),
  z.transform((row): Member => ({ userId: row.user_id, name: row.name, email: row.email, role: row.role, joinedAt: iso(row.created_at), active: row.has_password > 0 })),
);
const invitationRow = z.pipe(
  z.object({ id: z.string(), team_id: z.string(), email: z.string(), role, invited_by: z.nullable(z.string()), created_at: int, expires_at: int, accepted_at: nullableInt, revoked_at: nullableInt }),
  z.transform((row) => ({
    invitation: { id: row.id, email: row.email, role: row.role, invitedBy: row.invited_by, createdAt: iso(row.created_at), expiresAt: iso(row.expires_at) } satisfies Invitation,
    teamId: row.team_id,
    expiresAtMs: row.expires_at,
    open: row.accepted_at === null && row.revoked_at === null,
  })),
);

/** What a change to members may not do: leave a team without an admin. */
export class LastAdminError extends Error {
  override readonly name = 'LastAdminError' as const;
  constructor() {
    super('a team needs at least one admin: make someone else admin first');
  }
}

export type TeamsStore = ReturnType<typeof teamsStore>;

/** Teams, their members and roles, and invitations (SPEC §9). People themselves live in better-auth's tables. */
export function teamsStore(db: Driver, now: () => number = Date.now) {
  const memberSql = `SELECT m.user_id, u.name, u.email, m.role, m.created_at,
      (SELECT COUNT(*) FROM auth_accounts a WHERE a.user_id = m.user_id AND a.provider_id = 'credential' AND a.password IS NOT NULL) AS has_password
    FROM members m JOIN auth_users u ON u.id = m.user_id`;

  async function admins(tx: Driver, teamId: string): Promise<number> {
    const row = await selectOne(tx, z.object({ n: int }), 'members', "SELECT COUNT(*) AS n FROM members WHERE team_id = ? AND role = 'admin'", [teamId]);
    return row?.n ?? 0;
  }

  return {
    async createTeam(input: { name: string; slaDays?: number }): Promise<Team> {
      const team = { id: randomUUID(), name: input.name, slaDays: input.slaDays ?? 7, createdAt: now() };
      await db.run('INSERT INTO teams (id, name, sla_days, created_at) VALUES (?, ?, ?, ?)', [team.id, team.name, team.slaDays, team.createdAt]);
      return { ...team, createdAt: iso(team.createdAt) };
    },

    team: (id: string) => selectOne(db, teamRow, 'teams', 'SELECT id, name, sla_days, created_at FROM teams WHERE id = ?', [id]),

    listTeams: () => select(db, teamRow, 'teams', 'SELECT id, name, sla_days, created_at FROM teams ORDER BY created_at, id'),

    async updateTeam(id: string, change: { name?: string; slaDays?: number }): Promise<Team | undefined> {
      if (change.name !== undefined) await db.run('UPDATE teams SET name = ? WHERE id = ?', [change.name, id]);
      if (change.slaDays !== undefined) await db.run('UPDATE teams SET sla_days = ? WHERE id = ?', [change.slaDays, id]);
      return selectOne(db, teamRow, 'teams', 'SELECT id, name, sla_days, created_at FROM teams WHERE id = ?', [id]);
    },

    /** The teams a person belongs to, oldest membership first, with their role in each. */
    teamsOf: (userId: string) =>
      select(db, membershipRow, 'members', 'SELECT t.id, t.name, m.role FROM members m JOIN teams t ON t.id = m.team_id WHERE m.user_id = ? ORDER BY m.created_at, t.id', [userId]),

    async roleOf(teamId: string, userId: string): Promise<Role | undefined> {
      return (await selectOne(db, z.object({ role }), 'members', 'SELECT role FROM members WHERE team_id = ? AND user_id = ?', [teamId, userId]))?.role;
    },

    listMembers: (teamId: string) => select(db, memberRow, 'members', `${memberSql} WHERE m.team_id = ? ORDER BY m.created_at, u.email`, [teamId]),

    member: (teamId: string, userId: string) => selectOne(db, memberRow, 'members', `${memberSql} WHERE m.team_id = ? AND m.user_id = ?`, [teamId, userId]),

    /** Adds the person to the team with `role`, or changes their role if they are in it already. */
    async addMember(teamId: string, userId: string, memberRole: Role): Promise<void> {
      await db.transaction(async (tx) => {
        const changed = await tx.run('UPDATE members SET role = ? WHERE team_id = ? AND user_id = ?', [memberRole, teamId, userId]);
        if (changed.changes === 0) await tx.run('INSERT INTO members (team_id, user_id, role, created_at) VALUES (?, ?, ?, ?)', [teamId, userId, memberRole, now()]);
      });
    },

    /** The role before the change, or `undefined` when they are not a member. Throws {@link LastAdminError}. */
    async setRole(teamId: string, userId: string, memberRole: Role): Promise<Role | undefined> {
      return db.transaction(async (tx) => {
        const before = (await selectOne(tx, z.object({ role }), 'members', 'SELECT role FROM members WHERE team_id = ? AND user_id = ?', [teamId, userId]))?.role;
        if (!before) return undefined;
        if (before === 'admin' && memberRole !== 'admin' && (await admins(tx, teamId)) <= 1) throw new LastAdminError();
        await tx.run('UPDATE members SET role = ? WHERE team_id = ? AND user_id = ?', [memberRole, teamId, userId]);
        return before;
      });
    },

    /** Whether they were a member. Their follow-ups keep their name as a label. Throws {@link LastAdminError}. */
    async removeMember(teamId: string, userId: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        const before = (await selectOne(tx, z.object({ role }), 'members', 'SELECT role FROM members WHERE team_id = ? AND user_id = ?', [teamId, userId]))?.role;
        if (!before) return false;
        if (before === 'admin' && (await admins(tx, teamId)) <= 1) throw new LastAdminError();
        await tx.run('DELETE FROM members WHERE team_id = ? AND user_id = ?', [teamId, userId]);
        return true;
      });
    },

    async createInvitation(input: { teamId: string; email: string; role: Role; invitedBy: string | null; ttlMs: number }): Promise<Invitation> {
      const at = now();
      const id = randomUUID();
      await db.run('INSERT INTO invitations (id, team_id, email, role, invited_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [id, input.teamId, input.email.toLowerCase(), input.role, input.invitedBy, at, at + input.ttlMs]);
      return { id, email: input.email.toLowerCase(), role: input.role, invitedBy: input.invitedBy, createdAt: iso(at), expiresAt: iso(at + input.ttlMs) };
    },

    /** Open (not accepted, not revoked, not expired) invitations of a team, newest first. */
    async listInvitations(teamId: string): Promise<Invitation[]> {
      const rows = await select(db, invitationRow, 'invitations', 'SELECT * FROM invitations WHERE team_id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC, id', [teamId, now()]);
      return rows.map((row) => row.invitation);
    },

    /** The invitation if it can still be accepted (the clock is the store's). */
    async openInvitation(id: string) {
      const row = await selectOne(db, invitationRow, 'invitations', 'SELECT * FROM invitations WHERE id = ?', [id]);
      return row && row.open && row.expiresAtMs > now() ? row : undefined;
    },

    /** Marks it accepted; `false` when someone else did first (a link works once). */
    async acceptInvitation(id: string): Promise<boolean> {
      return (await db.run('UPDATE invitations SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL', [now(), id])).changes === 1;
    },

    async revokeInvitation(teamId: string, id: string): Promise<boolean> {
      return (await db.run('UPDATE invitations SET revoked_at = ? WHERE id = ? AND team_id = ? AND accepted_at IS NULL AND revoked_at IS NULL', [now(), id, teamId])).changes === 1;
    },
  };
}
