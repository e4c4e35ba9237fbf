import type { Driver } from '../db/driver.ts';

/**
 * A "what changed" email to one respondent (SPEC §11–§12), queued in the publishing's transaction.
 * The mail resource owns the outbox and sends it from a job; this is what publishing hands it.
 */
export interface ChangeMail {
  kind: 'change.published';
  teamId: string;
  siteId: string;
  changeId: string;
  /** The respondent's address: their identified email, or the contact email they consented to. */
  to: string;
  subject: string;
  text: string;
  /** The respondent's linked responses, so an erasure can find the mail. */
  responseIds: string[];
}

/** Queues `mail` through `tx`, so it commits or rolls back with the publishing (STYLE 14). */
export type QueueMail = (tx: Driver, mail: ChangeMail) => Promise<void>;

/** The `loop.closed` webhook event (SPEC §11), emitted once per published change. */
export interface LoopClosedEvent {
  type: 'loop.closed';
  teamId: string;
  /** The sites of the linked responses: webhooks are filtered per site's team. */
  siteIds: string[];
  data: { changeId: string; title: string; body: string; publishedAt: string; responseIds: string[] };
}

/** Fans `event` out to the team's webhooks through `tx` (their delivery jobs commit with it). */
export type FanOut = (tx: Driver, event: LoopClosedEvent) => Promise<void>;

/** What publishing causes outside the changes resource; each defaults to nothing until the collector wires mail and webhooks. */
export interface ChangeEffects {
  queueMail: QueueMail;
  fanOut: FanOut;
}

/** No mail, no webhooks: for a collector (or test) without them. */
export const NO_EFFECTS: ChangeEffects = { queueMail: async () => undefined, fanOut: async () => undefined };
