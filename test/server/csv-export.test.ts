import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { makePayload } from '../helpers/payload.ts';
import { ENGINES, startTestCollector, type TestCollector } from '../helpers/collector.ts';

// What a spreadsheet runs as a formula: first non-blank character = + - @ (ASCII or full-width),
// or a leading tab or CR. Written here independently of the collector's own check.
const RUNS_AS_FORMULA = /^[\s\u00a0\u3000]*[=+\-@＝＋－＠]|^[\t\r]/u;

const HOSTILE = [
  '=HYPERLINK("http://evil","click")',
  ' =1+1',
  '   +cmd|" /C calc"!A0',
  '\u00a0-2+3',
  '\u3000@SUM(A1:A9)',
  '\n=1',
  '\t=1',
  '\tplain after a tab',
  '\rcarriage',
  '＝１＋１',
  '＋1',
  ' －1',
  '＠x',
  '-',
  '@',
  'a, "quoted" and\r\na second line',
  'ordinary words; with = inside',
  '',
  'émoji 🚀 and ✓',
];

const cellSchema = z.object({ value: z.string(), quoted: z.boolean() });
type Cell = z.output<typeof cellSchema>;

describe.each(ENGINES)('CSV export read back with a real CSV parser, on $name', ({ name, available }) => {
  if (!available) {
    it.skip(`needs ONEPOINT_TEST_POSTGRES_URL (.ci/run starts Postgres and sets it)`, () => undefined);
    return;
  }
  let collector: TestCollector;
  const sent = new Map<string, { comment: string; followUp: string; userId: string; email: string; driver: string; locale: string; url: string }>();

  beforeAll(async () => {
    collector = await startTestCollector(name);
    for (const [index, comment] of HOSTILE.entries()) {
      const hostile = HOSTILE[(index + 3) % HOSTILE.length] || '=x';
      const fields = {
        comment,
        followUp: hostile,
        userId: `${index % 2 ? '-' : '@'}user${index}`,
        email: `${index % 2 ? '+' : '-'}ada${index}@example.com`,
        driver: `=driver${index}`,
        locale: index % 2 ? '@en' : 'en',
        url: index % 2 ? '=page' : 'https://shop.example/',
      };
      const payload = makePayload({
        siteKey: collector.site.publicKey,
        score: index % 11,
        status: 'complete',
        comment: fields.comment,
        followUp: fields.followUp,
        drivers: [fields.driver, 'speed'],
        contactConsent: true,
        user: { id: fields.userId, email: fields.email },
        context: { url: fields.url, locale: fields.locale, createdAt: '2026-11-22T10:00:00Z' },
      });
      sent.set(payload.id, fields);
      expect((await collector.post(payload)).status).toBe(200);
    }
    // The follow-up owner is text the team writes: it is defused too.
    const first = [...sent.keys()][0] ?? '';
    const patched = await collector.admin(`/v1/responses/${first}/follow-up`, { method: 'PATCH', body: JSON.stringify({ owner: '=owner()' }), headers: { 'content-type': 'application/json' } });
    expect(patched.status).toBe(200);
  });
  afterAll(() => collector.dispose());

  async function exported(): Promise<Cell[][]> {
    const response = await collector.admin('/v1/responses.csv');
    expect(response.status).toBe(200);
    const text = await response.text();
    const rows: unknown = parse(text, { bom: true, relax_column_count: false, cast: (value, context) => ({ value, quoted: context.quoting }) });
    return z.array(z.array(cellSchema)).parse(rows);
  }

  it('no cell of any row would run as a formula, and every text cell is quoted', async () => {
    const rows = await exported();
    const [header = [], ...records] = rows;
    expect(records).toHaveLength(HOSTILE.length);
    const column = (label: string) => header.findIndex((cell) => cell.value === label);
    const score = column('score');
    expect(score).toBeGreaterThan(0);
    let checked = 0;
    for (const [r, row] of rows.entries()) {
      expect(row).toHaveLength(header.length);
      for (const [c, cell] of row.entries()) {
        expect(RUNS_AS_FORMULA.test(cell.value), `row ${r} column ${header[c]?.value}: ${JSON.stringify(cell.value)}`).toBe(false);
        // Text is always quoted; only numbers (the score) and empty nulls are bare.
        if (r > 0 && c === score) expect(cell.value).toMatch(/^\d+$/);
        else if (cell.value !== '') expect(cell.quoted, `row ${r} column ${header[c]?.value} is quoted`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(rows.length * header.length);
  });

  it('each defused cell reads back as what was sent, behind one leading quote', async () => {
    const [header = [], ...records] = await exported();
    const column = (label: string) => header.findIndex((cell) => cell.value === label);
    const read = (row: Cell[], label: string) => row[column(label)]?.value;
    const defused = (text: string) => (RUNS_AS_FORMULA.test(text) ? `'${text}` : text);
    for (const row of records) {
      const fields = sent.get(read(row, 'id') ?? '');
      expect(fields).toBeDefined();
      if (!fields) continue;
      expect(read(row, 'comment')).toBe(defused(fields.comment));
      expect(read(row, 'follow_up')).toBe(defused(fields.followUp));
      expect(read(row, 'user_id')).toBe(defused(fields.userId));
      expect(read(row, 'contact_email')).toBe(defused(fields.email));
      expect(read(row, 'drivers')).toBe(defused(`${fields.driver}; speed`));
      expect(read(row, 'locale')).toBe(defused(fields.locale));
      expect(read(row, 'url')).toBe(defused(fields.url));
    }
    expect(records.map((row) => read(row, 'follow_up_owner'))).toContain("'=owner()");
  });
});
