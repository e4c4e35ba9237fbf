/** Thrown by `createSite` for a `teamId` no team has: the site would belong to nobody. */
export class UnknownTeamError extends Error {
  override readonly name = 'UnknownTeamError' as const;
  constructor(readonly teamId: string) {
    super(`no team has the id ${teamId}`);
  }
}
