import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { inList } from './inList.js'
import { tableOf, tableSql } from './tables.js'
import { drizzleFor } from './transaction.js'

/**
 * Which of `ids` exist in a collection's table, in one statement on the request's transaction.
 * An internal check (no access applied): it only tells whether a foreign key would hold.
 */
export const existingIDs = async (
  req: PayloadRequest,
  collection: string,
  ids: readonly (number | string)[],
): Promise<Set<string>> => {
  const db = await drizzleFor(req.payload, req)
  const { rows } = await db.execute(
    sql`SELECT id FROM ${tableSql(req.payload, tableOf(req.payload, collection))} WHERE ${inList(sql`id`, ids)}`,
  )
  return new Set(rows.map((row) => String((row as { id: unknown }).id)))
}
