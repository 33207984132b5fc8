import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { tableOf, tableSql } from './tables.js'
import { drizzleFor } from './transaction.js'

/**
 * Locks a document's row until commit, as a delete would, before the checks that decide whether
 * it may be deleted: rows that reference it cannot be added unseen in between.
 */
export const lockRowForDelete = async (req: PayloadRequest, collection: string, id: number | string) => {
  const db = await drizzleFor(req.payload, req)
  await db.execute(
    sql`SELECT 1 FROM ${tableSql(req.payload, tableOf(req.payload, collection))} WHERE id = ${id} FOR UPDATE`,
  )
}
