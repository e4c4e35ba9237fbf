import * as z from 'zod/mini';
import { actorSchema, type Actor, type ResponseRecord, type WebhookEvent } from '../../sdk/index.ts';
import type { Driver } from '../db/driver.ts';
import { PermanentJobError, type JobHandler, type JobHandlers } from '../jobs/index.ts';
import { deliverHandler, type DeliverDeps } from './deliver.ts';
import { DISABLED_KIND } from './disable.ts';
import { DELIVER_KIND, fanOut } from './fan-out.ts';

/** Tells a team's admins something (mail, once it exists). */
export type NotifyAdmins = (teamId: string, subject: string, text: string) => Promise<void> | void;

/** What webhooks ask of other resources, composed at the top (server/collector.ts); each runs in the transaction it is handed. */
export interface WebhookEventDeps extends DeliverDeps {
  /** A response of the site as the admin API shows it, or `undefined`. */
  recordOf: (db: Driver, siteId: string, responseId: string) => Promise<ResponseRecord | undefined>;
  /** The team that owns a site, or `undefined`. */
  teamOfSite: (db: Driver, siteId: string) => Promise<string | undefined>;
  notifyAdmins: NotifyAdmins;
}

const responseEvent = z.object({ responseId: z.string() });
const followUpEvent = z.object({
  responseId: z.string(),
  change: z.object({
    status: z.optional(z.string()),
    ownerId: z.optional(z.nullable(z.string())),
    owner: z.optional(z.nullable(z.string())),
    dueAt: z.optional(z.string()),
  }),
  by: actorSchema,
});
/** What a `follow_up.changed` event tells: the fields the change set, and who made it. */
type FollowUpChangeEvent = z.output<typeof followUpEvent>['change'] & { by: Actor };
const disabledNotice = z.object({ teamId: z.string(), webhookId: z.string(), url: z.string(), reason: z.string() });

/**
 * The jobs webhooks subscribe to: response events and follow-up changes fan out to the team's
 * webhooks; `webhook.deliver` sends one delivery; `webhook.disabled` tells the admins.
 */
export function webhookJobHandlers(deps: WebhookEventDeps): JobHandlers {
  const { db } = deps;
  /** Reads the response as it is now and fans it out, idempotent by the event job's key. */
  const fanOutOf =
    (type: WebhookEvent, read: (payload: unknown) => { responseId: string; change?: FollowUpChangeEvent }): JobHandler =>
    async (payload, { job }) => {
      const event = read(payload);
      const siteId = job.siteId;
      if (!siteId) throw new PermanentJobError(`a ${type} job needs its site`);
      await db.transaction(async (tx) => {
        const response = await deps.recordOf(tx, siteId, event.responseId);
        const teamId = await deps.teamOfSite(tx, siteId);
        if (!response || !teamId) return; // deleted since: nothing to tell
        const data = event.change ? { response, change: event.change } : { response };
        await fanOut(tx, { teamId, type, data, segment: response.segment, at: job.createdAt, key: `${job.kind}:${job.key}`, siteId });
      });
    };
  const parse = <S extends z.ZodMiniType>(schema: S, payload: unknown, kind: string): z.output<S> => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError(`a ${kind} job's payload is not what it carries`);
    return parsed.data;
  };

  return {
    'response.scored': fanOutOf('response.scored', (payload) => parse(responseEvent, payload, 'response.scored')),
    'response.completed': fanOutOf('response.completed', (payload) => parse(responseEvent, payload, 'response.completed')),
    'follow_up.changed': fanOutOf('follow_up.changed', (payload) => {
      const { responseId, change, by } = parse(followUpEvent, payload, 'follow_up.changed');
      return { responseId, change: { ...change, by } };
    }),
    [DELIVER_KIND]: deliverHandler(deps),
    [DISABLED_KIND]: async (payload) => {
      const notice = parse(disabledNotice, payload, DISABLED_KIND);
      await deps.notifyAdmins(
        notice.teamId,
        'A webhook was turned off',
        `The webhook to ${notice.url} was turned off: ${notice.reason}. Deliveries to it have stopped; turn it on again in the team's settings once the endpoint works, and replay what it missed from its delivery log.`,
      );
    },
  };
}
