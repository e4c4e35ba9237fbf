import * as z from 'zod/mini';
import { int, jsonText } from '../db/rows.ts';

/** A site the collector takes responses for: its keys, and the origins whose pages may post. */
export interface Site {
  id: string;
  name: string;
  publicKey: string;
  /** Exact origins (`https://shop.example`) whose pages may post. */
  origins: string[];
  createdAt: number;
}

/** A row of `sites` as both engines hand it back. */
export const siteRowSchema = z.pipe(
  z.object({
    id: z.string(),
    name: z.string(),
    public_key: z.string(),
    secret_hash: z.string(),
    origins: jsonText(z.array(z.string())),
    created_at: int,
  }),
  z.transform((row): Site & { secretHash: string } => ({ id: row.id, name: row.name, publicKey: row.public_key, origins: row.origins, createdAt: row.created_at, secretHash: row.secret_hash })),
);
