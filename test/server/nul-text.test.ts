import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminClient } from '../../sdk/index.ts';
import { ENGINES, startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { makePayload } from '../helpers/payload.ts';

// U+0000 is valid JSON and valid Unicode, SQLite stores it and Postgres refuses it (a 500 the
// widget would retry forever). Both engines store it the same way: as U+FFFD.
const NUL = '\u0000';
const REPLACED = '\uFFFD';

interface Listed {
  items: {
    id: string;
    comment: string | null;
    followUp: string | null;
    drivers: string[];
    anonymousId: string;
    user: { id: string; name: string | null; traits: Record<string, unknown> | null } | null;
    url: string;
  }[];
  nextCursor: string | null;
}

describe.each(ENGINES)('U+0000 in text on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await startTestCollector(name);
  });
  afterAll(() => collector.dispose());

  const listed = async (query = '?includeTest=true&limit=500') => {
    const response = await collector.admin(`/v1/responses${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Listed;
  };

  it('free text (comment, follow-up answer, drivers) is stored with U+FFFD', async () => {
    const p = makePayload({ siteKey: collector.site.publicKey, comment: `a${NUL}b`, followUp: `${NUL}`, drivers: [`price${NUL}`] });
    const response = await collector.post(p);
    expect(response.status).toBe(200);
    const item = (await listed()).items.find((row) => row.id === p.id);
    expect(item).toMatchObject({ comment: `a${REPLACED}b`, followUp: REPLACED, drivers: [`price${REPLACED}`] });
  });

  it('identifiers (anonymousId, user.id, user.name, trait keys and values) are stored with U+FFFD', async () => {
    const p = makePayload({
      siteKey: collector.site.publicKey,
      anonymousId: `visitor${NUL}`,
      user: { id: `u${NUL}1`, name: `Ada${NUL}`, traits: { [`plan${NUL}`]: `pro${NUL}` } },
    });
    expect((await collector.post(p)).status).toBe(200);
    const item = (await listed()).items.find((row) => row.id === p.id);
    expect(item).toMatchObject({ anonymousId: `visitor${REPLACED}`, user: { id: `u${REPLACED}1`, name: `Ada${REPLACED}`, traits: { [`plan${REPLACED}`]: `pro${REPLACED}` } } });
  });

  it('context.url is stored with U+FFFD', async () => {
    const p = makePayload({ siteKey: collector.site.publicKey, context: { url: `https://shop.example/a${NUL}b`, locale: 'en', createdAt: '2026-11-22T10:00:00.000Z' } });
    expect((await collector.post(p)).status).toBe(200);
    expect((await listed()).items.find((row) => row.id === p.id)?.url).toBe(`https://shop.example/a${REPLACED}b`);
  });

  it('eligibility and dismissal userId: the same user, written with U+FFFD', async () => {
    const userId = `dismisser${NUL}`;
    const dismissed = await fetch(`${collector.url}/v1/dismissals`, {
      method: 'POST',
      body: JSON.stringify({ siteKey: collector.site.publicKey, userId }),
      headers: { 'content-type': 'application/json' },
    });
    expect(dismissed.status).toBe(204);
    const ask = async (id: string) => {
      const response = await fetch(`${collector.url}/v1/eligibility?siteKey=${collector.site.publicKey}&userId=${encodeURIComponent(id)}`);
      expect(response.status).toBe(200);
      return (await response.json()) as { eligible: boolean; lastDismissedAt?: string };
    };
    // The NUL spelling and the U+FFFD spelling name the one stored user.
    expect(await ask(userId)).toMatchObject({ eligible: false, lastDismissedAt: expect.any(String) });
    expect(await ask(`dismisser${REPLACED}`)).toMatchObject({ eligible: false });
  });

  it('a follow-up note is stored with U+FFFD', async () => {
    const p = makePayload({ siteKey: collector.site.publicKey });
    expect((await collector.post(p)).status).toBe(200);
    const admin = createAdminClient({ endpoint: collector.url, token: collector.site.secretKey });
    const detail = await admin.updateFollowUp(p.id, { note: `called${NUL}back`, owner: `ann${NUL}` });
    expect(detail.response.followUpOwner).toBe(`ann${REPLACED}`);
    expect(detail.timeline.filter((entry) => entry.kind === 'note').at(-1)).toMatchObject({ note: `called${REPLACED}back` });
    expect((await admin.get(p.id)).timeline).toEqual(detail.timeline);
  });

  it('q finds the stored text whether it is spelled with U+0000 or U+FFFD', async () => {
    const p = makePayload({ siteKey: collector.site.publicKey, comment: `needle${NUL}haystack` });
    expect((await collector.post(p)).status).toBe(200);
    for (const q of [`needle${NUL}hay`, `needle${REPLACED}hay`]) {
      expect((await listed(`?q=${encodeURIComponent(q)}`)).items.map((item) => item.id)).toEqual([p.id]);
    }
  });

  it('a path parameter or a cursor holding U+0000 is a plain miss, not a failure', async () => {
    const patch = await collector.admin(`/v1/responses/${encodeURIComponent(`x${NUL}`)}/follow-up`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'contacted' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(patch.status).toBe(404);
    const cursor = Buffer.from(JSON.stringify([Date.now() + 86_400_000, `z${NUL}`])).toString('base64url');
    const page = await collector.admin(`/v1/responses?includeTest=true&cursor=${cursor}`);
    expect(page.status).toBe(200);
  });
});
