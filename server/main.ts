import { startCollector } from './collector.ts';
import { readEnv } from './env.ts';
import { createLogger } from './logger.ts';

// `npm run collector -- serve`: the collector on its own, configured by the environment.
const env = readEnv();
const logger = createLogger();
const collector = await startCollector({
  databaseUrl: env.DATABASE_URL,
  port: env.PORT,
  host: env.HOST,
  rateLimit: { burst: env.RATE_LIMIT_BURST, perSecond: env.RATE_LIMIT_PER_SECOND },
  trustProxy: env.TRUST_PROXY,
  shutdownGraceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
  logger,
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'draining');
    collector.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
