import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from '../../server/db/driver.ts';
import { openDatabase } from '../../server/db/open.ts';
import type { Site } from '../../server/store.ts';
import { toJob } from '../../server/jobs/index.ts';
import { segmentOf, type ResponsePayload } from '../../sdk/index.ts';
import { ENGINES, startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { makePayload } from '../helpers/payload.ts';

describe.each(ENGINES)('ingest tells what happened, on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL', () => undefined);
    return;
  }
  let collector: TestCollector;
  let db: Driver;
  let site: Site;
  beforeAll(async () => {
    // No runner: the jobs stay queued for the test to read.
    collector = await startTestCollector(name, { jobs: false });
    db = await openDatabase(collector.databaseUrl);
    const found = (await collector.store.listSites())[0];
    if (!found) throw new Error('no site');
    site = found;
  });
  afterAll(async () => {
    await db.close();
    await collector.dispose();
  });
  const upsert = (payload: ResponsePayload) => collector.store.upsertResponse(site, payload, segmentOf(payload.score));
  const jobsFor = async (id: string) =>
    (await db.all('SELECT * FROM jobs WHERE idempotency_key LIKE ? ORDER BY kind', [`%:${id}`])).map(toJob).map((job) => [job.kind, job.key, job.siteId, job.payload]);

  it('created with the first score, updated by a later step, unchanged by an older or repeated one', async () => {
    const first = makePayload({ siteKey: site.publicKey, score: 3 });
    expect(await upsert(first)).toEqual({ kind: 'stored', outcome: 'created', firstScore: true, seq: 1, segment: 'detractor', status: 'partial' });
    const later = { ...first, seq: 2, score: 9, comment: 'better now' };
    expect(await upsert(later)).toEqual({ kind: 'stored', outcome: 'updated', firstScore: false, seq: 2, segment: 'promoter', status: 'partial' });
    expect(await upsert(later)).toEqual({ kind: 'stored', outcome: 'unchanged', firstScore: false, seq: 2, segment: 'promoter', status: 'partial' });
    expect(await upsert({ ...first, seq: 1 })).toEqual({ kind: 'stored', outcome: 'unchanged', firstScore: false, seq: 2, segment: 'promoter', status: 'partial' });
    // One response.scored, from the write that stored the first score; nothing completed yet.
    expect(await jobsFor(first.id)).toEqual([
      ['response.scored', `response.scored:${first.id}`, site.id, { responseId: first.id, surveyId: 'nps', seq: 1, score: 3, segment: 'detractor', status: 'partial' }],
    ]);
  });

  it('response.completed once, when the status first becomes complete; later complete steps add none', async () => {
    const first = makePayload({ siteKey: site.publicKey, score: 8 });
    await upsert(first);
    expect(await upsert({ ...first, seq: 2, status: 'complete' })).toMatchObject({ outcome: 'updated', status: 'complete', segment: 'passive' });
    expect(await upsert({ ...first, seq: 3, status: 'complete', comment: 'edited' })).toMatchObject({ outcome: 'updated', status: 'complete' });
    expect((await jobsFor(first.id)).map(([kind, , , payload]) => [kind, (payload as { seq: number }).seq])).toEqual([
      ['response.completed', 2],
      ['response.scored', 1],
    ]);
  });

  it('a response complete in its first write causes both events', async () => {
    const payload = makePayload({ siteKey: site.publicKey, score: 10, status: 'complete' });
    expect(await upsert(payload)).toEqual({ kind: 'stored', outcome: 'created', firstScore: true, seq: 1, segment: 'promoter', status: 'complete' });
    expect((await jobsFor(payload.id)).map(([kind]) => kind)).toEqual(['response.completed', 'response.scored']);
  });

  it('an id of another site is foreign and causes nothing', async () => {
    const { site: other } = await collector.store.createSite({ name: 'Other', origins: ['https://other.example'] });
    const payload = makePayload({ siteKey: site.publicKey });
    await upsert(payload);
    expect(await collector.store.upsertResponse(other, { ...payload, seq: 5 }, 'promoter')).toEqual({ kind: 'foreign' });
    expect(await jobsFor(payload.id)).toHaveLength(1);
  });

  it('concurrent first posts of one id: exactly one is created, one response.scored', async () => {
    const payload = makePayload({ siteKey: site.publicKey });
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((seq) => upsert({ ...payload, seq })));
    const outcomes = results.map((result) => (result.kind === 'stored' ? result.outcome : result.kind));
    expect(outcomes.filter((outcome) => outcome === 'created')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'foreign')).toEqual([]);
    expect((await jobsFor(payload.id)).map(([kind]) => kind)).toEqual(['response.scored']);
  });
});
