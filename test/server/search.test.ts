import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentOf } from '../../sdk/index.ts';
import { createStore } from '../../server/store.ts';
import type { ResponseFilters } from '../../server/store.ts';
import { ENGINES, startTestCollector, type TestCollector } from '../helpers/collector.ts';
import { openEngineStore, type EngineStore } from '../helpers/engine-store.ts';
import { makePayload } from '../helpers/payload.ts';

// Named texts; each case lists exactly the names it must find (and so everything it must not).
const TEXTS: Record<string, { comment?: string; followUp?: string; score?: number }> = {
  ecole: { comment: 'Mon école est loin', score: 3 },
  ECOLE: { comment: "L'ÉCOLE DU QUARTIER", score: 9 },
  ecolier: { comment: 'Un écolier content', score: 10 },
  college: { comment: 'Le collège, pas l’école primaire… enfin si', score: 5 },
  istanbul: { comment: "İstanbul'da teslimat hızlıydı", score: 8 },
  ISTANBUL: { comment: 'ISTANBUL office was great', score: 9 },
  kalo: { comment: 'Καλό ταξίδι', score: 10 },
  KALO: { comment: 'ΠΟΛΥ ΚΑΛΟ', score: 2 },
  emoji: { comment: 'Great app🎉🎉 love it 👍', score: 10 },
  punctuation: { comment: "e-mail/export (CSV) didn't work; 100% broken!", score: 0 },
  followUpOnly: { followUp: 'Appelez-moi après 18h', score: 4 },
  decomposed: { comment: 'cafe\u0301 cre\u0300me brûle\u0301e', score: 6 },
  lodz: { comment: 'Łódź, København', score: 1 },
  strasse: { comment: 'Straße, œuvre', score: 8 },
  none: { score: 7 },
};

const CASES: [string, string[]][] = [
  // Case- and accent-insensitive, both ways.
  ['ECOLE', ['ecole', 'ECOLE', 'college']],
  ['ecole', ['ecole', 'ECOLE', 'college']],
  ['École', ['ecole', 'ECOLE', 'college']],
  // Words and their starts, never the middle of a word.
  ['écol', ['ecole', 'ECOLE', 'ecolier', 'college']],
  ['cole', []],
  ['ecole quartier', ['ECOLE']],
  ['quartier ecole', ['ECOLE']],
  // Turkish dotted capital I, Greek with and without tonos, in either case.
  ['istanbul', ['istanbul', 'ISTANBUL']],
  ['İSTANBUL', ['istanbul', 'ISTANBUL']],
  ['hizliydi', ['istanbul']], // dotless ı folds to i, as Postgres's unaccent does
  ['hızlıydı', ['istanbul']],
  // Letters with a stroke, ligatures, ß: folded alike on both engines.
  ['lodz', ['lodz']],
  ['ŁÓDŹ', ['lodz']],
  ['KOBENHAVN', ['lodz']],
  ['strasse', ['strasse']],
  ['oeuvre', ['strasse']],
  ['καλο', ['kalo', 'KALO']],
  ['ΚΑΛΌ', ['kalo', 'KALO']],
  ['ταξιδι', ['kalo']],
  // Emoji separate words and are not words themselves.
  ['🎉', []],
  ['great app', ['emoji']],
  ['love 👍', ['emoji']],
  // Punctuation separates words.
  ['e-mail', ['punctuation']],
  ["didn't", ['punctuation']],
  ['(CSV)', ['punctuation']],
  ['100%', ['punctuation']],
  ['!!!', []],
  // The follow-up answer is searched too, and text in decomposed form (e + U+0301) matches composed input.
  ['apres 18H', ['followUpOnly']],
  ['café crème', ['decomposed']],
  ['brulee', ['decomposed']],
  // FTS syntax is only ever text: every word must appear, operators included.
  ['"', []],
  ['"école', ['ecole', 'ECOLE', 'college']],
  ['école*', ['ecole', 'ECOLE', 'college']],
  ['-école', ['ecole', 'ECOLE', 'college']],
  ['(école', ['ecole', 'ECOLE', 'college']],
  ['NEAR(école loin)', []],
  ['école OR collège', []],
  ['école AND NOT loin', []],
  ['comment:école', []],
  ['^école', ['ecole', 'ECOLE', 'college']],
  ["'école' & !loin | :*", ['ecole']],
  ['\\', []],
  ['{école loin}', ['ecole']],
];

describe.each(ENGINES)('full-text search on $name (store)', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let db: EngineStore;
  const idOf = new Map<string, string>();
  const nameOf = new Map<string, string>();

  beforeAll(async () => {
    db = await openEngineStore(name);
    for (const [label, text] of Object.entries(TEXTS)) {
      const score = text.score ?? 5;
      const payload = makePayload({ siteKey: db.site.publicKey, score, status: 'complete', ...(text.comment ? { comment: text.comment } : {}), ...(text.followUp ? { followUp: text.followUp } : {}) });
      db.clock.now += 1000;
      await db.store.upsertResponse(db.site, payload, segmentOf(score));
      idOf.set(label, payload.id);
      nameOf.set(payload.id, label);
    }
    // The same words on another site are never found from this one.
    const other = (await db.store.createSite({ name: 'Other', origins: ['https://other.example'] })).site;
    await db.store.upsertResponse(other, makePayload({ siteKey: other.publicKey, score: 1, comment: 'école istanbul καλό' }), 'detractor');
  });
  afterAll(() => db.dispose());

  const found = async (filters: ResponseFilters) => (await db.store.listResponses([db.site.id], filters, { limit: 50 })).items.map((item) => nameOf.get(item.id)).sort();

  it.each(CASES)('%s finds exactly %j', async (query, names) => {
    expect(await found({ text: query })).toEqual([...names].sort());
  });

  // A search reads its matches a window of time at a time: windows as narrow as 1 ms (each
  // response in one of its own) add up to the same rows, in the same order, page by page.
  it.each(CASES)('%s finds the same, text + segment, through windows of 1 ms and pages of 1', async (query, names) => {
    const walking = createStore(db.driver, () => db.clock.now, { searchWindowMs: 1 });
    const items = [];
    let cursor: string | undefined;
    do {
      const page = await walking.listResponses([db.site.id], { text: query, segment: 'detractor' }, { limit: 1, ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const detractors = names.filter((label) => (TEXTS[label]?.score ?? 5) <= 6);
    expect(items.map((item) => nameOf.get(item.id)).sort()).toEqual(detractors.sort());
    const inOnePage = await db.store.listResponses([db.site.id], { text: query, segment: 'detractor' }, { limit: 50 });
    expect(items.map((item) => item.id)).toEqual(inOnePage.items.map((item) => item.id));
  });

  it('pages through responses received in the same millisecond, newest id first, none twice', async () => {
    db.clock.now += 1000;
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) {
      const payload = makePayload({ siteKey: db.site.publicKey, score: 9, comment: `Gleichzeitig ${n}` });
      await db.store.upsertResponse(db.site, payload, 'promoter');
      ids.push(payload.id);
    }
    for (const store of [db.store, createStore(db.driver, () => db.clock.now, { searchWindowMs: 1 })]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listResponses([db.site.id], { text: 'gleichzeitig' }, { limit: 2, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual([...ids].sort().reverse());
    }
  });

  it('combines with the other filters (text + segment)', async () => {
    expect(await found({ text: 'ecole', segment: 'promoter' })).toEqual(['ECOLE']);
    expect(await found({ text: 'ecole', segment: 'detractor' })).toEqual(['college', 'ecole']);
  });

  it('follows a later step that rewrites the comment, and forgets the old words', async () => {
    const id = idOf.get('none') ?? '';
    const later = makePayload({ id, siteKey: db.site.publicKey, score: 7, seq: 2, status: 'complete', comment: 'Überraschend gut' });
    await db.store.upsertResponse(db.site, later, 'passive');
    expect(await found({ text: 'uberraschend' })).toEqual(['none']);
    await db.store.upsertResponse(db.site, { ...later, seq: 3, comment: 'Nichts' }, 'passive');
    expect(await found({ text: 'uberraschend' })).toEqual([]);
    expect(await found({ text: 'NICHTS' })).toEqual(['none']);
  });
});

describe.each(ENGINES)('GET /v1/responses?q= on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)', () => undefined);
    return;
  }
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await startTestCollector(name);
    for (const comment of ['Mon école est loin', "L'ÉCOLE DU QUARTIER", 'Un collège', 'Καλό ταξίδι'])
      expect((await collector.post(makePayload({ siteKey: collector.site.publicKey, score: 8, status: 'complete', comment }))).status).toBe(200);
  });
  afterAll(() => collector.dispose());

  const comments = async (q: string) => {
    const response = await collector.admin(`/v1/responses?q=${encodeURIComponent(q)}`);
    expect(response.status, q).toBe(200);
    const body = (await response.json()) as { items: { comment: string }[] };
    return body.items.map((item) => item.comment).sort();
  };

  it('ÉCOLE finds "école" and ecole finds "ÉCOLE", and nothing else', async () => {
    expect(await comments('ÉCOLE')).toEqual(['L\'ÉCOLE DU QUARTIER', 'Mon école est loin'].sort());
    expect(await comments('ecole')).toEqual(['L\'ÉCOLE DU QUARTIER', 'Mon école est loin'].sort());
    expect(await comments('ΚΑΛΟ')).toEqual(['Καλό ταξίδι']);
  });

  it('answers 200 to search text full of FTS syntax', async () => {
    for (const q of ['"', '"école', '*', 'NEAR(', '-', '(', ')', 'a OR', 'NOT', ':', "'", '\\', '&|!', '🎉', 'école" OR "x'])
      expect(Array.isArray(await comments(q))).toBe(true);
    expect(await comments('école" OR "x')).toEqual([]);
  });
});
