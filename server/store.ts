import type { Driver } from './db/driver.ts';
import { eligibilityStore, type EligibilityStore } from './eligibility/index.ts';
import { followUpsStore, type FollowUpsStore } from './follow-ups/index.ts';
import { lastRespondedAt, responsesStore, type ResponsesStore, type SqlStoreOptions } from './responses/index.ts';
import { impressionsStore, type ImpressionsStore } from './impressions/index.ts';
import { sitesStore, type SitesStore } from './sites/index.ts';
import { teamsStore, type TeamsStore } from './teams/store.ts';
import { memberName, type MemberNames } from './teams/member-name.ts';
import { playbookStep } from './playbooks/index.ts';

export type { Site } from './sites/index.ts';
export type { ResponseFilters, SqlStoreOptions, UpsertOutcome, UpsertResult } from './responses/index.ts';
export { FOLLOW_UP_STATUSES, type FollowUpStatus, type Interval, type ResponseRecord, type Stats } from '../sdk/index.ts';

/** Every resource's store over one database: what the collector, its CLI and the tests hold. */
export interface Store extends SitesStore, ResponsesStore, FollowUpsStore, EligibilityStore, MemberNames {
  /** The resources apart, as the routes take them: each route sees only its own. */
  readonly resources: { sites: SitesStore; responses: ResponsesStore; followUps: FollowUpsStore; eligibility: EligibilityStore; teams: TeamsStore; members: MemberNames; impressions: ImpressionsStore };
  /** The database itself, for what keeps its own tables on it (better-auth's sessions, the job queue). */
  readonly db: Driver;
  close(): Promise<void>;
}

/**
 * The collector's stores, one per resource, over any {@link Driver} (the same SQL for SQLite and
 * Postgres). Composed here, at the top, so no resource reaches into another's tables: eligibility
 * asks responses for a user's last answer, and follow-ups ask teams for a member's name, through
 * the functions those resources export.
 */
export function createStore(db: Driver, now: () => number = Date.now, options: SqlStoreOptions = {}): Store {
  const impressions = impressionsStore(db);
  return withResources({
    sites: sitesStore(db, now),
    // The response rate's displays come from the impressions resource, through its store.
    responses: responsesStore(db, now, options, (siteIds, filters) => impressions.shown(siteIds, filters)),
    followUps: followUpsStore(db, { memberName, playbookStep, now }),
    eligibility: eligibilityStore(db, (siteId, userId) => lastRespondedAt(db, siteId, userId), now),
    teams: teamsStore(db, now),
    members: { memberName: (teamId, userId) => memberName(db, teamId, userId) },
    impressions,
  }, () => db.close(), db);
}

/** One {@link Store} of the given resources (a caching sites store, a counting one in tests). */
export function withResources(resources: Store['resources'], close: () => Promise<void>, db: Driver): Store {
  return { ...resources.sites, ...resources.responses, ...resources.followUps, ...resources.eligibility, ...resources.members, resources, db, close };
}
