import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retentionKey, RETENTION_JOB } from '../../server/retention/index.ts';
import { ENGINES, startTestCollector, type TestCollector } from '../helpers/collector.ts';

const DAY = 86_400_000;

describe.each(ENGINES)('the daily retention sweep on a running collector on $name', ({ name, available }) => {
  if (!available) {
    it.skip('needs ONEPOINT_TEST_POSTGRES_URL', () => undefined);
    return;
  }
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await startTestCollector(name, { jobs: { pollMs: 20 } });
  });
  afterAll(() => collector.dispose());

  it('starting queues today’s sweep; it runs and queues tomorrow’s, once', async () => {
    const today = retentionKey(Date.now());
    const tomorrow = retentionKey(Date.now() + DAY);
    const states = async () => Object.fromEntries((await collector.store.db.all('SELECT idempotency_key, state FROM jobs WHERE kind = ? ORDER BY idempotency_key', [RETENTION_JOB])).map((row) => [row.idempotency_key, row.state]));
    await expect.poll(states, { timeout: 10_000 }).toEqual({ [today]: 'done', [tomorrow]: 'queued' });
  });
});
