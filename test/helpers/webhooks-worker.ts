// A collector process that delivers webhooks to the test's receiver on 127.0.0.1 (so private
// addresses are allowed), with a short lease so that a killed one's deliveries are taken over soon.
import { startCollector } from '../../server/collector.ts';
import { createLogger } from '../../server/logger.ts';

const env = process.env;
const collector = await startCollector({
  databaseUrl: env.DATABASE_URL,
  port: Number(env.PORT),
  host: '127.0.0.1',
  logger: createLogger(),
  jobs: { owner: env.JOB_OWNER ?? `worker-${process.pid}`, pollMs: 20, leaseMs: Number(env.JOB_LEASE_MS ?? 2000), backoff: { baseMs: 10, maxMs: 50 } },
  webhooks: { allowPrivate: true, timeoutMs: 60_000 },
});
process.once('SIGTERM', () => {
  void collector.close().then(() => process.exit(0));
});
