import { startCollector } from './collector.ts';
import { readEnv } from './env.ts';
import { createLogger } from './logger.ts';
import { StartupError } from './startup-error.ts';

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
  ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL.replace(/\/+$/, '') } : {}),
  ...(env.AUTH_SECRET ? { authSecret: env.AUTH_SECRET } : {}),
  webhooks: { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE },
  ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
  mailFrom: env.MAIL_FROM,
  logger,
}).catch((error: unknown) => {
  // What the operator must fix is one line, not a stack trace; anything else is a bug and keeps its stack.
  if (!(error instanceof StartupError)) throw error;
  console.error(`collector: ${error.message}`);
  process.exit(1); // nothing is open: the database was closed before the error left startCollector
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
