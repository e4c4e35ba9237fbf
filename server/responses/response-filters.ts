import type { FollowUpStatus, Segment } from '../../sdk/index.ts';

/** What a list of responses can be narrowed to (SPEC §10); every field is optional and they combine with AND. */
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
  /** An owner's name (a v1 label, or a member's name as stored), or `null` for "unassigned" (no member, no label). */
  owner?: string | null;
  /** Assigned to this member (their user id). */
  ownerId?: string;
  /** Not resolved / not needed and past its due date, at this instant (epoch ms). */
  overdueAt?: number;
  /** Still to do: status `new` or `contacted`. */
  open?: boolean;
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
