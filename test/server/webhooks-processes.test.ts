import { afterEach, describe, expect, it } from 'vitest';
import { segmentOf } from '../../sdk/index.ts';
import type { Driver } from '../../server/db/driver.ts';
import { openDatabase } from '../../server/db/open.ts';
import { responsesStore } from '../../server/responses/index.ts';
import { siteTeamId, sitesStore } from '../../server/sites/index.ts';
import { webhooksStore } from '../../server/webhooks/index.ts';
import { ENGINES, freshDatabase } from '../helpers/collector.ts';
import { spawnCollector } from '../helpers/collector-process.ts';
import { makePayload } from '../helpers/payload.ts';
import { startReceiver, until } from '../helpers/webhook-receiver.ts';

const RESPONSES = 40;
const HUNG = 5;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function worker(url: string, owner: string) {
  const spawned = await spawnCollector({ DATABASE_URL: url, JOB_OWNER: owner, LOG_LEVEL: 'warn', JOB_LEASE_MS: '2000' }, 'test/helpers/webhooks-worker.ts');
  cleanups.push(async () => {
    if (spawned.child.exitCode === null && spawned.child.signalCode === null) spawned.child.kill('SIGKILL');
    await spawned.exited;
  });
  return spawned;
}

const count = async (db: Driver, sql: string) => Number((await db.all(sql))[0]?.n);

describe.each(ENGINES)('webhooks across a crash on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL', () => undefined);
    return;
  }

  it('kill -9 mid-delivery: after a restart every delivery arrives, at least once, none lost', async () => {
    const database = await freshDatabase(name);
    const db = await openDatabase(database.url);
    cleanups.push(() => database.drop(), () => db.close());
    // The first requests hang, as a slow endpoint does: the collector is surely mid-delivery when it dies.
    let hanging = true;
    const receiver = await startReceiver((n) => (hanging && n <= HUNG ? 'handled' : 200));
    cleanups.push(() => receiver.close());
    const { site } = await sitesStore(db).createSite({ name: 'Shop', origins: ['https://shop.example'] });
    const teamId = await siteTeamId(db, site.id);
    if (!teamId) throw new Error('the site has no team');
    await webhooksStore(db).create(teamId, { url: receiver.url, events: ['response.scored'] }, null);
    const responses = responsesStore(db, Date.now, {}, async () => 0);
    for (let i = 0; i < RESPONSES; i++) {
      const payload = makePayload({ siteKey: site.publicKey, score: i % 11 });
      await responses.upsertResponse(site, payload, segmentOf(payload.score));
    }

    const victim = await worker(database.url, 'a');
    await until(() => receiver.received.length, (n) => n >= HUNG, 60_000, 'the hung requests');
    victim.child.kill('SIGKILL');
    await victim.exited;
    const hungIds = receiver.received.slice(0, HUNG).map((request) => String(request.headers['webhook-id']));
    expect(await count(db, "SELECT COUNT(*) AS n FROM jobs WHERE kind = 'webhook.deliver' AND state = 'running' AND lease_owner = 'a'")).toBeGreaterThan(0);
    hanging = false;

    const next = await worker(database.url, 'b');
    await until(() => count(db, "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE state = 'delivered'"), (n) => n === RESPONSES, 120_000, 'every delivery');
    const deliveries = (await db.all('SELECT id FROM webhook_deliveries')).map((row) => String(row.id));
    expect(deliveries).toHaveLength(RESPONSES);
    // Counted by webhook-id: each delivery arrived (with a 200), the ones cut off by the kill again, under the same id.
    const answered = new Set(receiver.received.slice(HUNG).map((request) => String(request.headers['webhook-id'])));
    expect([...answered].sort()).toEqual([...deliveries].sort());
    for (const id of hungIds) expect(answered.has(id)).toBe(true);
    expect(await count(db, "SELECT COUNT(*) AS n FROM jobs WHERE state <> 'done' AND kind NOT IN ('mail.daily', 'retention.daily')")).toBe(0); // the next day's mail and retention sweep wait, as they should
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
  }, 300_000);
});
