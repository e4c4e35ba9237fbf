import { randomUUID } from 'node:crypto';
import type { Driver } from '../db/driver.ts';
import { select, selectOne } from '../db/rows.ts';
import { hashSecret, newKey, sameHash } from './keys.ts';
import { siteRowSchema, type Site } from './site.ts';

/** Sites and their keys. The secret key is returned once, at creation; only its hash is kept. */
export interface SitesStore {
  createSite(input: { name: string; origins: string[] }): Promise<{ site: Site; secretKey: string }>;
  listSites(): Promise<Site[]>;
  siteByPublicKey(publicKey: string): Promise<Site | undefined>;
  siteBySecret(secretKey: string): Promise<Site | undefined>;
}

const withoutHash = ({ secretHash: _hash, ...site }: Site & { secretHash: string }): Site => site;

/** The sites table, on either engine. */
export function sitesStore(db: Driver, now: () => number = Date.now): SitesStore {
  return {
    async createSite({ name, origins }) {
      const secretKey = newKey('sk');
      const site: Site = { id: randomUUID(), name, publicKey: newKey('pk'), origins, createdAt: now() };
      await db.run('INSERT INTO sites (id, name, public_key, secret_hash, origins, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        site.id,
        name,
        site.publicKey,
        hashSecret(secretKey),
        JSON.stringify(origins),
        site.createdAt,
      ]);
      return { site, secretKey };
    },

    async listSites() {
      return (await select(db, siteRowSchema, 'sites', 'SELECT * FROM sites ORDER BY created_at, id')).map(withoutHash);
    },

    async siteByPublicKey(publicKey) {
      const row = await selectOne(db, siteRowSchema, 'sites', 'SELECT * FROM sites WHERE public_key = ?', [publicKey]);
      return row && withoutHash(row);
    },

    async siteBySecret(secretKey) {
      const hash = hashSecret(secretKey);
      const row = await selectOne(db, siteRowSchema, 'sites', 'SELECT * FROM sites WHERE secret_hash = ?', [hash]);
      return row && sameHash(row.secretHash, hash) ? withoutHash(row) : undefined;
    },
  };
}
