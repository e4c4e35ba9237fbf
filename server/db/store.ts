import type { FollowUpChange, FollowUpStatus, Interval, ResponseDetail, ResponsePayload, ResponseRecord, Segment, Stats } from '../../sdk/index.ts';

// The admin contract lives in the SDK (clients parse with the same schemas); the store's records
// are its inferred types.
export { FOLLOW_UP_STATUSES, type FollowUpStatus, type Interval, type ResponseRecord, type Stats } from '../../sdk/index.ts';

export interface Site {
  id: string;
  name: string;
  publicKey: string;
  /** Exact origins (`https://shop.example`) whose pages may post. */
  origins: string[];
  createdAt: number;
}

export interface ResponseFilters {
  segment?: Segment;
  /** Exactly this score. */
  score?: number;
  /** Score range, inclusive (SPEC §10 inbox: "score range"). */
  scoreMin?: number;
  scoreMax?: number;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
  /** Full-text match in the comment or follow-up answer: case- and accent-insensitive. */
  text?: string;
  followUpStatus?: FollowUpStatus;
  /** An owner's name (free text until accounts exist), or `null` for "unassigned". */
  owner?: string | null;
  /** Not resolved / not needed and past its due date, at this instant (epoch ms). */
  overdueAt?: number;
  /** The respondent ticked this loyalty driver. */
  driver?: string;
  hasComment?: boolean;
  /** Has an address we may write to: consented contact email, or an identified email. */
  contactable?: boolean;
  /** Identified (`user.id` known). */
  identified?: boolean;
  /** `trait.KEY=VALUE`: the identified user's trait equals this value (compared as text). */
  trait?: { key: string; value: string };
  includeTest?: boolean;
}

/** What an upsert did: a new response, a later step (higher `seq`), or nothing (a state as new was there). */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export type UpsertResult =
  | {
      kind: 'stored';
      /** The stored state's seq and segment (the stored one when `unchanged`). */
      seq: number;
      segment: Segment;
      outcome: UpsertOutcome;
      /** This write stored the response's first score (its first step), rather than a later step. */
      firstScore: boolean;
      /** Of the stored state. */
      status: ResponsePayload['status'];
    }
  | { kind: 'foreign' };

/** Everything the collector keeps. One implementation serves SQLite and Postgres. */
export interface Store {
  createSite(input: { name: string; origins: string[] }): Promise<{ site: Site; secretKey: string }>;
  listSites(): Promise<Site[]>;
  siteByPublicKey(publicKey: string): Promise<Site | undefined>;
  siteBySecret(secretKey: string): Promise<Site | undefined>;
  /**
   * Keeps the highest `seq` per id, atomically, and says what it did; `foreign` when the id belongs
   * to another site. Enqueues `response.scored` / `response.completed` in the same transaction.
   */
  upsertResponse(site: Site, payload: ResponsePayload, segment: Segment): Promise<UpsertResult>;
  listResponses(siteId: string, filters: ResponseFilters, page: { limit: number; cursor?: string }): Promise<{ items: ResponseRecord[]; nextCursor: string | null }>;
  stats(siteId: string, filters: Pick<ResponseFilters, 'from' | 'to' | 'includeTest'>, interval: Interval): Promise<Stats>;
  /** One response with its follow-up timeline and the same person's other responses; `undefined` on another site. */
  getResponse(siteId: string, id: string): Promise<ResponseDetail | undefined>;
  /** Applies the change and records each part of it in the timeline, in one transaction. */
  updateFollowUp(siteId: string, id: string, change: FollowUpChange): Promise<ResponseDetail | undefined>;
  recordDismissal(siteId: string, userId: string): Promise<void>;
  lastActivity(siteId: string, userId: string): Promise<{ lastRespondedAt?: number; lastDismissedAt?: number }>;
  close(): Promise<void>;
}
