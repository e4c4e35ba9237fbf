import * as z from 'zod/mini';
import type { EraseRequest } from '../../sdk/index.ts';
import type { Driver, SqlValue } from '../db/driver.ts';
import { inList } from '../db/in-list.ts';
import { select } from '../db/rows.ts';

/** Everything an erasure found of the person, on the team's sites: what other parts erase by. */
export interface ErasedPerson {
  teamId: string;
  siteIds: readonly string[];
  responseIds: readonly string[];
  userIds: readonly string[];
  emails: readonly string[];
  anonymousIds: readonly string[];
}

/**
 * What another part of the collector keeps of a person (the mail outbox, webhook deliveries not
 * yet sent): erased in the same transaction `tx`, counted under `name` in the answer.
 */
export interface PersonEraser {
  name: string;
  erase(tx: Driver, person: ErasedPerson): Promise<number>;
}

const personRow = z.object({ id: z.string(), user_id: z.nullable(z.string()), user_email: z.nullable(z.string()), contact_email: z.nullable(z.string()), anonymous_id: z.string() });

/** Ids per statement: well under what either engine takes as parameters. */
const SLICE = 200;

/**
 * Erases a person from the sites `siteIds` of team `teamId` (SPEC §13), in one transaction: every
 * response matching one of their ids (and the ones sharing a user or anonymous id with those: the
 * same person before and after `identify`), its notes and timeline, change links, queued jobs,
 * notices and dismissals, and whatever the `erasers` keep. Counts by kind.
 */
export function erasePerson(db: Driver, scope: { teamId: string; siteIds: readonly string[] }, who: EraseRequest, erasers: readonly PersonEraser[] = []): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    const sites = inList('site_id', scope.siteIds);
    const find = async (column: string, values: readonly string[], fold = false) => {
      const found = [];
      for (let start = 0; start < values.length; start += SLICE) {
        const slice = values.slice(start, start + SLICE).map((value) => (fold ? value.toLowerCase() : value));
        const match = inList(fold ? `LOWER(${column})` : column, slice);
        found.push(...(await select(tx, personRow, 'responses', `SELECT id, user_id, user_email, contact_email, anonymous_id FROM responses WHERE ${sites.sql} AND ${match.sql}`, [...sites.params, ...match.params])));
      }
      return found;
    };
    const rows = [
      ...(who.userId ? await find('user_id', [who.userId]) : []),
      ...(who.email ? [...(await find('user_email', [who.email], true)), ...(await find('contact_email', [who.email], true))] : []),
      ...(who.anonymousId ? await find('anonymous_id', [who.anonymousId]) : []),
    ];
    // One step further: the same person's responses under their other id.
    const userIds = unique([...(who.userId ? [who.userId] : []), ...rows.map((row) => row.user_id)]);
    const anonymousIds = unique([...(who.anonymousId ? [who.anonymousId] : []), ...rows.map((row) => row.anonymous_id)]);
    rows.push(...(await find('user_id', userIds)), ...(await find('anonymous_id', anonymousIds)));
    const byId = new Map(rows.map((row) => [row.id, row]));
    const responseIds = [...byId.keys()];
    const emails = unique([...(who.email ? [who.email] : []), ...rows.flatMap((row) => [row.user_email, row.contact_email])].map((email) => email?.toLowerCase() ?? null));

    const remove = async (sql: (list: string) => string, column: string, values: readonly SqlValue[], extra: readonly SqlValue[] = []) => {
      let count = 0;
      for (let start = 0; start < values.length; start += SLICE) {
        const list = inList(column, values.slice(start, start + SLICE));
        count += (await tx.run(sql(list.sql), [...extra, ...list.params])).changes;
      }
      return count;
    };
    const erased: Record<string, number> = {};
    erased.notes = await remove((list) => `DELETE FROM follow_up_notes WHERE ${list}`, 'response_id', responseIds);
    erased.changeLinks = await remove((list) => `DELETE FROM change_responses WHERE ${list}`, 'response_id', responseIds);
    // The response events' jobs carry the response (the webhooks' deliveries come from them).
    // By (kind, key), the queue's unique index.
    erased.jobs = 0;
    for (const kind of ['response.scored', 'response.completed']) {
      erased.jobs += await remove((list) => `DELETE FROM jobs WHERE kind = ? AND ${list}`, 'idempotency_key', responseIds.map((id) => `${kind}:${id}`), [kind]);
    }
    erased.notices = await remove((list) => `DELETE FROM notices WHERE ${sites.sql} AND ${list}`, 'user_id', userIds, sites.params);
    erased.dismissals = await remove((list) => `DELETE FROM dismissals WHERE ${sites.sql} AND ${list}`, 'user_id', userIds, sites.params);
    const person: ErasedPerson = { teamId: scope.teamId, siteIds: scope.siteIds, responseIds, userIds, emails, anonymousIds };
    for (const eraser of erasers) erased[eraser.name] = await eraser.erase(tx, person);
    // Last: the search index and the filters' side tables go with each row (their triggers).
    erased.responses = await remove((list) => `DELETE FROM responses WHERE ${list}`, 'id', responseIds);
    return { responses: erased.responses, ...erased };
  });
}

function unique(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null && value !== ''))];
}
