import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { drizzleFor } from './transaction.js'

/**
 * Takes a PostgreSQL advisory lock held until the request's transaction ends. Serialises
 * check-then-insert work (free slug, flood count) across requests and app instances without
 * touching the rows themselves. Keys are hashed to 64 bits.
 */
export const lockUntilCommit = async (req: PayloadRequest, key: string): Promise<void> => {
  const db = await drizzleFor(req.payload, req)
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`)
}
