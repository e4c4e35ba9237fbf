import { startDemoStack } from '../helpers/demo-stack.ts';
import { seedTeam } from './team-seed.ts';

/** A collector (its own SQLite file) and the demo site, on two origins, for the whole run. */
export default async function globalSetup() {
  const stack = await startDemoStack({ rateLimit: { burst: 10_000, perSecond: 1000 } });
  process.env.E2E_DEMO_URL = stack.demoUrl;
  process.env.E2E_COLLECTOR_URL = stack.collector.url;
  process.env.E2E_SITE_KEY = stack.siteKey;
  process.env.E2E_SECRET_KEY = stack.secretKey;
  // The team app's people (team-seed.ts): the specs sign in as them.
  await seedTeam(stack.collector, stack.siteKey);
  return () => stack.close();
}
