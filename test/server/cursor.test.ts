import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { makePayload } from '../helpers/payload.ts';

const encode = (json: string) => Buffer.from(json).toString('base64url');

describe.each(ENGINES)('admin list cursors on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let collector: TestCollector;
  const ids: string[] = [];
  beforeAll(async () => {
    collector = await startTestCollector(name);
    for (let i = 0; i < 5; i++) {
      const p = makePayload({ siteKey: collector.site.publicKey });
      ids.push(p.id);
      expect((await collector.post(p)).status).toBe(200);
    }
  });
  afterAll(() => collector.dispose());

  it('pages through every response with the cursors it hands out', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const response = await collector.admin(`/v1/responses?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((item) => item.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it.each([
    ['a fractional time', '[1.5,"z"]'],
    ['a time past any number', '[1e400,"z"]'],
    ['a time past BIGINT', '[1e300,"z"]'],
    ['a time past 2^53', '[9007199254740993,"z"]'],
    ['a negative time', '[-1,"z"]'],
    ['a time as text', '["1","z"]'],
    ['an id that is not text', '[1,2]'],
    ['extra members', '[1,"z",3]'],
    ['an object', '{"0":1,"1":"z"}'],
    ['not JSON', 'garbage'],
  ])('400 naming cursor for %s', async (_label, json) => {
    const response = await collector.admin(`/v1/responses?cursor=${encode(json)}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_cursor', issues: [{ path: 'cursor' }] } });
  });
});
