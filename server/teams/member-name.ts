import * as z from 'zod/mini';
import type { Driver } from '../db/driver.ts';
import { selectOne } from '../db/rows.ts';

const nameRow = z.object({ name: z.string() });

/** Looks up a team's member by user id: what follow-ups ask before naming someone an owner. */
export type MemberName = (db: Driver, teamId: string, userId: string) => Promise<string | undefined>;

/**
 * The name of `userId` when they are a member of `teamId`, else `undefined` (not a member, or
 * no such person). Takes the driver it is handed, so it can run inside a caller's transaction.
 * @example await memberName(db, 'team_1', 'user_9') // 'Sam Lee'
 */
export const memberName: MemberName = async (db, teamId, userId) => {
  const row = await selectOne(db, nameRow, 'members', 'SELECT u.name AS name FROM members m JOIN auth_users u ON u.id = m.user_id WHERE m.team_id = ? AND m.user_id = ?', [teamId, userId]);
  return row?.name;
};

/** What other resources ask of the teams resource about members, bound to one database. */
export interface MemberNames {
  /** The name of `userId` when they are a member of `teamId`, else `undefined`. */
  memberName(teamId: string, userId: string): Promise<string | undefined>;
}
