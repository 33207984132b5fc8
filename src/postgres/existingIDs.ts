import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { inList } from './inList.js'
import { tableOf, tableSql } from './tables.js'

/**
 * The statement that finds which of `ids` exist in a collection's table. An internal check (no
 * access applied): it only tells whether a foreign key would hold.
 */
export const existingIDsSql = (req: PayloadRequest, collection: string, ids: readonly (number | string)[]) =>
  sql`SELECT id FROM ${tableSql(req.payload, tableOf(req.payload, collection))} WHERE ${inList(sql`id`, ids)}`

/** The ids an `existingIDsSql` statement returned, as text. */
export const idsIn = (rows: unknown[]): Set<string> =>
  new Set(rows.map((row) => String((row as { id: unknown }).id)))
