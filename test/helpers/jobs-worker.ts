// A collector process whose runner also knows `test.record`: every run of a job is written to
// `test_job_runs` (who ran it, which attempt), and its effect to `test_job_effects`, once per key
// (the way a real handler is idempotent). Configured by the environment, like server/main.ts.
// JOB_STALL_AFTER=n: runs after the n-th never finish, so the process surely holds leases when a
// test kills it, however starved the machine is.
import { startCollector } from '../../server/collector.ts';
import { openDatabase } from '../../server/db/open.ts';
import { createLogger } from '../../server/logger.ts';

const env = process.env;
const owner = env.JOB_OWNER ?? `worker-${process.pid}`;
const handlerMs = Number(env.JOB_HANDLER_MS ?? 0);
const stallAfter = Number(env.JOB_STALL_AFTER ?? Infinity);
let started = 0;
const records = await openDatabase(env.DATABASE_URL);
const collector = await startCollector({
  databaseUrl: env.DATABASE_URL,
  port: Number(env.PORT),
  host: '127.0.0.1',
  logger: createLogger(),
  shutdownGraceMs: Number(env.SHUTDOWN_GRACE_SECONDS ?? 10) * 1000,
  jobs: {
    owner,
    pollMs: Number(env.JOB_POLL_MS ?? 20),
    leaseMs: Number(env.JOB_LEASE_MS ?? 2000),
    handlers: {
      'test.record': async (_payload, { job, attempt }) => {
        await records.run('INSERT INTO test_job_runs (job_id, owner, attempt) VALUES (?, ?, ?)', [job.id, owner, attempt]);
        if (++started > stallAfter) await new Promise(() => undefined);
        if (handlerMs) await new Promise((resolve) => setTimeout(resolve, handlerMs));
        await records.run('INSERT INTO test_job_effects (job_key) VALUES (?) ON CONFLICT (job_key) DO NOTHING', [job.key]);
      },
    },
  },
});
process.once('SIGTERM', () => {
  void collector.close().then(() => records.close()).then(() => process.exit(0));
});
