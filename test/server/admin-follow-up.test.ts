import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminClient, HttpError, InvalidAnswerError, type AdminClient } from '../../sdk/index.ts';
import { openDatabase } from '../../server/db/open.ts';
import { ENGINES, startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { makePayload } from '../helpers/payload.ts';

describe.each(ENGINES)('follow-up changes and stored rows on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let collector: TestCollector;
  let admin: AdminClient;
  beforeAll(async () => {
    collector = await startTestCollector(name);
    admin = createAdminClient({ endpoint: collector.url, token: collector.site.secretKey });
  });
  afterAll(() => collector.dispose());

  it('concurrent changes each see the one before: the owner entries chain, every note is kept, in order', async () => {
    const payload = makePayload({ siteKey: collector.site.publicKey, score: 2, anonymousId: 'concurrent' });
    expect((await collector.post(payload)).status).toBe(200);
    const owners = Array.from({ length: 12 }, (_, index) => `owner-${index}`);
    await Promise.all(owners.map((owner) => admin.updateFollowUp(payload.id, { owner, note: `by ${owner}` })));
    const { response, timeline } = await admin.get(payload.id);
    const changes = timeline.flatMap((entry) => (entry.kind === 'owner' ? [entry] : []));
    expect(changes).toHaveLength(owners.length);
    // Each change's "from" is the previous change's "to": no two changes read the same state.
    expect(changes.map((entry) => entry.from)).toEqual([null, ...changes.slice(0, -1).map((entry) => entry.to)]);
    expect(response.followUpOwner).toBe(changes.at(-1)?.to);
    // Each owner change is followed by its own note.
    const kinds = timeline.slice(1).map((entry) => (entry.kind === 'owner' ? `owner ${entry.to}` : entry.kind === 'note' ? entry.note : entry.kind));
    expect(kinds).toEqual(changes.flatMap((entry) => [`owner ${entry.to}`, `by ${entry.to}`]));
  });

  it('a stored row that does not fit the record is a 500 naming the field, never a wrong record', async () => {
    const payload = makePayload({ siteKey: collector.site.publicKey, score: 9, anonymousId: 'hand-edited' });
    expect((await collector.post(payload)).status).toBe(200);
    const db = await openDatabase(collector.databaseUrl);
    try {
      await db.run("UPDATE responses SET segment = 'fan' WHERE id = ?", [payload.id]); // by hand, as an operator might
    } finally {
      await db.close();
    }
    const error = await admin.get(payload.id).catch((caught: unknown) => caught);
    expect(error).not.toBeInstanceOf(InvalidAnswerError);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 500 });
    expect(collector.logs.join('\n')).toMatch(/a row of responses does not fit its schema: segment/);
  });

  it('notes written before the timeline existed (only the old columns) read back as the changes they were', async () => {
    const payload = makePayload({ siteKey: collector.site.publicKey, score: 4, anonymousId: 'from-before' });
    expect((await collector.post(payload)).status).toBe(200);
    const received = Date.parse((await admin.get(payload.id)).response.receivedAt);
    const db = await openDatabase(collector.databaseUrl);
    try {
      // What the collector wrote for each change before migration 5: the state after it, and the note.
      const insert = 'INSERT INTO follow_up_notes (id, response_id, status, owner, note, created_at) VALUES (?, ?, ?, ?, ?, ?)';
      await db.run(insert, [randomUUID(), payload.id, 'contacted', 'sam', 'Called', received + 1]);
      await db.run(insert, [randomUUID(), payload.id, 'resolved', 'sam', null, received + 2]);
    } finally {
      await db.close();
    }
    const later = await admin.updateFollowUp(payload.id, { owner: 'kim' }).catch((error: unknown) => { console.log(collector.logs.filter((line) => line.includes('failed')).join('\n')); throw error; });
    expect(later.timeline.map(({ at: _at, author: _author, ...entry }) => entry)).toEqual([
      { kind: 'created' },
      { kind: 'status', from: 'new', to: 'contacted' },
      { kind: 'owner', from: null, to: 'sam' },
      { kind: 'note', note: 'Called' },
      { kind: 'status', from: 'contacted', to: 'resolved' },
      // The response row never had the old owner written by hand here: it is still unassigned.
      { kind: 'owner', from: null, to: 'kim' },
    ]);
  });
});
