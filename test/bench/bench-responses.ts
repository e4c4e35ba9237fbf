import type { Engine } from '../helpers/collector.ts';

// The benchmarks' responses (search-bench.ts, app-bench.ts): made by the database itself, fast.

export const DAY = 86_400_000;
/** The first response's arrival; the last arrives a year later. */
export const START = Date.UTC(2025, 11, 1);

// Feedback words: each comment draws 5 of the 150, so one word is in ~3.3 % of comments,
// ~1 % of all responses (30 % have a comment).
const WORDS = (
  'price expensive cheap value checkout slow fast easy hard support helpful rude waited refund delivery late early package broken ' +
  'quality great good bad awful love hate app website mobile login password account email invoice billing plan upgrade downgrade ' +
  'feature missing export import report dashboard search filter sort bug crash error freeze update version install setup onboarding ' +
  'tutorial docs documentation api integration slack calendar sync offline notification reminder settings privacy security team ' +
  'invite share comment reply chat phone call agent manager recommend friend colleague competitor switch cancel trial discount ' +
  'coupon shipping return exchange size color design layout font dark mode button menu page loading speed performance reliable ' +
  'stable outage downtime weekend morning evening daily weekly monthly yearly contract renewal sales demo pricing tier storage ' +
  'limit quota upload download file photo video audio print scan card payment paypal bank transfer tax receipt order cart wishlist ' +
  'stock available sold review rating star'
).split(' ');
const DRIVERS = ['price', 'quality', 'support', 'speed', 'ease', 'features', 'delivery', 'reliability'];
const OWNERS = ['alex', 'blake', 'casey', 'drew', 'emery', 'finley', 'gray', 'harper'];

/** A deterministic spread of row `i` in 0…999,999 (the same data on both engines). */
const h = (a: number, b: number) => `((i * ${a} + ${b}) % 1000003)`;
const pick = (list: string[], a: number, b: number) => `(CASE ${h(a, b)} % ${list.length} ${list.map((word, n) => `WHEN ${n} THEN '${word}'`).join(' ')} END)`;

/**
 * One INSERT … SELECT that makes `rows` responses of `siteId` in the database itself (a recursive
 * CTE on SQLite, generate_series on Postgres): a year of them from {@link START}, scores, comments
 * (30 %, five of 150 feedback words each), drivers, identified users with traits, follow-up
 * statuses and owners, due a week after arriving. The same rows on both engines.
 */
export function benchRowsSql(engine: Engine, siteId: string, rows: number): string {
  const cat = (parts: string[]) => parts.join(' || ');
  const words = (count: number, salt: number) => cat(Array.from({ length: count }, (_, n) => (n ? `' ' || ${pick(WORDS, 7919 + 104_729 * n + salt, 17 * n + salt)}` : pick(WORDS, 7919 + salt, salt))));
  const score = `(CASE WHEN ${h(31, 7)} % 100 < 2 THEN 0 WHEN ${h(31, 7)} % 100 < 4 THEN 1 WHEN ${h(31, 7)} % 100 < 6 THEN 2 WHEN ${h(31, 7)} % 100 < 8 THEN 3 WHEN ${h(31, 7)} % 100 < 10 THEN 4
    WHEN ${h(31, 7)} % 100 < 14 THEN 5 WHEN ${h(31, 7)} % 100 < 20 THEN 6 WHEN ${h(31, 7)} % 100 < 32 THEN 7 WHEN ${h(31, 7)} % 100 < 50 THEN 8 WHEN ${h(31, 7)} % 100 < 72 THEN 9 ELSE 10 END)`;
  const received = `(${START} + i * ${Math.floor((365 * DAY) / rows)})`;
  const identified = `${h(211, 3)} % 100 < 40`;
  const columns = {
    id: `'bench-' || i`,
    site_id: `'${siteId}'`,
    survey_id: `'nps'`,
    seq: '1',
    score,
    segment: `(CASE WHEN ${score} >= 9 THEN 'promoter' WHEN ${score} >= 7 THEN 'passive' ELSE 'detractor' END)`,
    status: `(CASE WHEN ${h(41, 5)} % 100 < 85 THEN 'complete' ELSE 'partial' END)`,
    comment: `(CASE WHEN ${h(53, 11)} % 100 < 30 THEN ${words(5, 1)} END)`,
    follow_up: `(CASE WHEN ${h(59, 13)} % 100 < 10 THEN ${words(3, 2)} END)`,
    drivers: `(CASE WHEN ${h(61, 17)} % 100 < 30 THEN '["' || ${pick(DRIVERS, 67, 19)} || '"]' WHEN ${h(61, 17)} % 100 < 50 THEN '["' || ${pick(DRIVERS, 67, 19)} || '","' || ${pick(DRIVERS, 71, 23)} || '"]' END)`,
    contact_consent: `(CASE WHEN ${h(73, 29)} % 100 < 15 THEN 1 ELSE 0 END)`,
    contact_email: `(CASE WHEN ${h(73, 29)} % 100 < 15 THEN 'c' || i || '@example.com' END)`,
    anonymous_id: `'anon-' || (i % 400000)`,
    user_id: `(CASE WHEN ${identified} THEN 'user-' || (i % 200000) END)`,
    user_email: `(CASE WHEN ${identified} AND ${h(79, 31)} % 100 < 30 THEN 'u' || (i % 200000) || '@example.com' END)`,
    user_name: 'NULL',
    user_traits: `(CASE WHEN ${identified} THEN '{"plan":"' || (CASE WHEN ${h(83, 37)} % 100 < 60 THEN 'free' WHEN ${h(83, 37)} % 100 < 90 THEN 'pro' ELSE 'enterprise' END) || '","seats":' || (${h(89, 41)} % 50) || ',"role":"' || ${pick(['admin', 'member', 'owner'], 97, 43)} || '"}' END)`,
    url: `'https://shop.example/p/' || (i % 50)`,
    locale: pick(['en', 'fr', 'de'], 101, 47),
    test: `(CASE WHEN ${h(103, 53)} % 1000 < 5 THEN 1 ELSE 0 END)`,
    client_created_at: `'2026-01-01T00:00:00.000Z'`,
    received_at: received,
    received_day: `(${received} / ${DAY})`,
    updated_at: received,
    // Older follow-ups are mostly done: a quarter stay open (and so overdue once a week has passed).
    follow_up_status: pick(['new', 'new', 'contacted', 'resolved', 'resolved', 'resolved', 'not_needed', 'not_needed'], 107, 59),
    follow_up_owner: `(CASE WHEN ${h(109, 61)} % 100 < 40 THEN ${pick(OWNERS, 113, 67)} END)`,
    due_at: `(${received} + ${7 * DAY})`,
  };
  const names = Object.keys(columns).join(', ');
  const values = Object.values(columns).join(',\n ');
  if (engine === 'postgres') return `INSERT INTO responses (${names}) SELECT ${values} FROM generate_series(0::bigint, ${rows - 1}) AS g(i)`;
  return `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows - 1}) INSERT INTO responses (${names}) SELECT ${values} FROM n`;
}

