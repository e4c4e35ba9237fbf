import type { Role } from '../../sdk/index.ts';
import type { Driver } from '../../server/db/driver.ts';

/** A person and their membership of a team, written straight into the tables (no sign-up flow). */
export async function addMember(db: Driver, member: { teamId: string; userId: string; name: string; role: Role }, at = Date.UTC(2026, 0, 1)): Promise<void> {
  await db.run('INSERT INTO auth_users (id, name, email, email_verified, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (id) DO NOTHING', [
    member.userId,
    member.name,
    `${member.userId}@team.example`,
    at,
    at,
  ]);
  await db.run('INSERT INTO members (team_id, user_id, role, created_at) VALUES (?, ?, ?, ?)', [member.teamId, member.userId, member.role, at]);
}
