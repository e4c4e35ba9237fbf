import * as z from 'zod/mini';
import { ROLES, type Role } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { select } from '../db/rows.ts';

/** A member as other resources need one to write to them: who, where, in which role. */
export interface TeamMember {
  userId: string;
  name: string;
  email: string;
  role: Role;
}

const row = z.object({ user_id: z.string(), name: z.string(), email: z.string(), role: z.enum(ROLES) });

/**
 * Every member of `teamId` with their address and role, oldest first: what mail asks before it
 * writes to a team. Takes the driver it is handed, so it can run inside a caller's transaction.
 */
export async function teamMembers(db: Driver, teamId: string): Promise<TeamMember[]> {
  const rows = await select(
    db,
    row,
    'members',
    'SELECT m.user_id, u.name, u.email, m.role FROM members m JOIN auth_users u ON u.id = m.user_id WHERE m.team_id = ? ORDER BY m.created_at, u.email',
    [teamId],
  );
  return rows.map((member) => ({ userId: member.user_id, name: member.name, email: member.email, role: member.role }));
}
