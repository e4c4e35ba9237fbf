import type { Driver } from '../../server/db/driver.ts';
import { ACCOUNTS_MIGRATION } from '../../server/db/migration-7-accounts.ts';
import { migrate, MIGRATIONS } from '../../server/db/migrations.ts';
import { postgresDriver } from '../../server/db/postgres-driver.ts';
import { sqliteDriver } from '../../server/db/sqlite-driver.ts';
import { createStore } from '../../server/store.ts';
import type { Site, Store } from '../../server/store.ts';
import { freshDatabase, type Engine } from './collector.ts';

/** A store straight over a fresh database of one engine, with a clock the test moves. */
export interface EngineStore {
  store: Store;
  driver: Driver;
  site: Site;
  /** Epoch ms the store reads as "now"; set it before each write. */
  clock: { now: number };
  /** Applies the migrations not applied yet (for tests that start below the latest). */
  migrateAll(): Promise<number[]>;
  dispose(): Promise<void>;
}

/** Opens `engine` with migrations up to `upTo` (all by default) and creates one site. */
export async function openEngineStore(engine: Engine, upTo = Infinity): Promise<EngineStore> {
  const database = await freshDatabase(engine);
  const driver = engine === 'sqlite' ? sqliteDriver(database.url.replace(/^file:/, '')) : postgresDriver(database.url);
  await migrate(driver, MIGRATIONS.filter((migration) => migration.version <= upTo));
  const clock = { now: Date.UTC(2026, 0, 1) };
  const store = createStore(driver, () => clock.now);
  const site = upTo >= ACCOUNTS_MIGRATION.version ? (await store.createSite({ name: 'Shop', origins: ['https://shop.example'] })).site : await siteOfThen(driver, clock.now);
  return {
    store,
    driver,
    site,
    clock,
    migrateAll: () => migrate(driver),
    async dispose() {
      await driver.close();
      await database.drop();
    },
  };
}

/**
 * A site as a collector from before teams stored it (a row of the first sites table), and as it
 * reads once migration 7 has given it the team of its own that migration makes.
 */
async function siteOfThen(driver: Driver, at: number): Promise<Site> {
  const site = { id: 'site-of-then', name: 'Shop', publicKey: 'pk_then', origins: ['https://shop.example'], createdAt: at };
  await driver.run('INSERT INTO sites (id, name, public_key, secret_hash, origins, created_at) VALUES (?, ?, ?, ?, ?, ?)', [site.id, site.name, site.publicKey, 'sha256-of-nothing', JSON.stringify(site.origins), at]);
  return { ...site, teamId: `team_${site.id}`, slaDays: 7 };
}
