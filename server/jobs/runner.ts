import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { RetryPolicy } from '../../sdk/index.ts';
import { DatabaseBusyError } from '../db/database-busy-error.ts';
import type { Driver } from '../db/driver.ts';
import { DEFAULT_JOB_BACKOFF, nextRunAt } from './backoff.ts';
import { DEFAULT_HANDLERS, PermanentJobError, type JobHandlers } from './handlers.ts';
import type { Job } from './job-row.ts';
import { claim, complete, fail, releaseLeases, renewLeases } from './queue.ts';

/** How a runner works; everything that touches the world can be replaced (tests use short times). */
export interface RunnerOptions {
  /** Added to (and overriding) {@link DEFAULT_HANDLERS}. */
  handlers?: JobHandlers;
  /** Wait between claims when nothing was due. @default 500 */
  pollMs?: number;
  /** How long a claim holds a job; renewed every third of it while the handler runs. @default 30000 */
  leaseMs?: number;
  /** Jobs run at once by this runner. @default 20 */
  concurrency?: number;
  /** @default DEFAULT_JOB_BACKOFF */
  backoff?: Omit<RetryPolicy, 'limit'>;
  /** Who holds the leases. @default process id + random */
  owner?: string;
  now?: () => number;
  random?: () => number;
  logger?: Pick<Logger, 'warn' | 'error'>;
}

export interface JobRunner {
  readonly owner: string;
  /**
   * Stops claiming and waits for the jobs running to finish, up to `graceMs`; then aborts
   * their handlers and hands their jobs back to the queue for any runner.
   */
  stop(graceMs: number): Promise<void>;
}

/** Starts a runner over `db`: claims due jobs, runs their handlers, records the outcome. */
export function startRunner(db: Driver, options: RunnerOptions = {}): JobRunner {
  const handlers: JobHandlers = { ...DEFAULT_HANDLERS, ...options.handlers };
  const pollMs = options.pollMs ?? 500;
  const leaseMs = options.leaseMs ?? 30_000;
  const concurrency = options.concurrency ?? 20;
  const backoff = options.backoff ?? DEFAULT_JOB_BACKOFF;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const owner = options.owner ?? `${process.pid}-${randomBytes(6).toString('hex')}`;
  const abort = new AbortController();
  const running = new Set<Promise<void>>();
  let stopping = false;
  let wake: (() => void) | undefined;

  const report = (message: string) => (error: unknown) => {
    if (stopping && isClosedError(error)) return;
    // Another process holding SQLite's lock is expected now and then (a CLI, a backup): the next
    // poll tries again, so it is a warning, not an error that pages someone.
    if (error instanceof DatabaseBusyError) options.logger?.warn({ err: { name: error.name, message: error.message } }, `${message}: database busy, trying again`);
    else options.logger?.error({ err: error }, message);
  };

  async function run(job: Job) {
    const handler = handlers[job.kind];
    try {
      if (job.attempts > job.maxAttempts) throw new PermanentJobError(`its runner stopped during the last of ${job.maxAttempts} attempts (lease expired)`);
      if (!handler) throw new PermanentJobError(`no handler for job kind "${job.kind}"`);
      await handler(job.payload, { attempt: job.attempts, signal: abort.signal, job });
      await complete(db, job, owner, now());
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const retryAt = error instanceof PermanentJobError ? null : nextRunAt(job.attempts, job.maxAttempts, backoff, random, now());
      if (retryAt === null) options.logger?.warn({ job: job.id, kind: job.kind, attempts: job.attempts, error: message }, 'job parked as dead');
      await fail(db, job, owner, message, retryAt, now());
    }
  }

  async function loop() {
    while (!stopping) {
      const room = concurrency - running.size;
      let claimed: Job[] = [];
      if (room > 0) {
        try {
          claimed = await claim(db, { owner, limit: room, leaseMs, at: now() });
        } catch (error) {
          report('claiming jobs failed')(error);
        }
      }
      for (const job of claimed) {
        const done: Promise<void> = run(job)
          .catch(report('recording a job failed'))
          .finally(() => {
            running.delete(done);
            wake?.();
          });
        running.add(done);
      }
      // A full claim means more may be due: claim again as soon as there is room.
      if (stopping) break;
      if (claimed.length === room && room > 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  }

  const renewal = setInterval(() => {
    if (running.size) renewLeases(db, owner, now() + leaseMs, now()).catch(report('renewing leases failed'));
  }, Math.max(1, Math.floor(leaseMs / 3)));
  const looping = loop();

  return {
    owner,
    async stop(graceMs) {
      stopping = true;
      wake?.();
      await looping;
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
      const drained = await Promise.race([Promise.all(running).then(() => 'drained' as const), graceOver]);
      clearTimeout(timer);
      clearInterval(renewal);
      if (drained === 'late') {
        abort.abort(new Error('the collector is stopping'));
        await releaseLeases(db, owner, now()).catch(report('handing back leases failed'));
      }
    },
  };
}

function isClosedError(error: unknown): boolean {
  return error instanceof Error && /closed|not open|ended/i.test(error.message);
}
