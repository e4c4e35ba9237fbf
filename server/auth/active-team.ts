import type { Driver } from '../db/driver.ts';

/**
 * The team a session works in from now on (`POST /v1/me/team`): a column of our own on
 * better-auth's session row (`activeTeamId`, declared in its config), read back with the session.
 */
export async function setActiveTeam(db: Driver, sessionId: string, teamId: string): Promise<void> {
  await db.run('UPDATE auth_sessions SET active_team_id = ? WHERE id = ?', [teamId, sessionId]);
}
