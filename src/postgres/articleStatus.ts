import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { tableOf, tableSql } from './tables.js'
import { drizzleFor } from './transaction.js'

/**
 * The stored `_status` of an article, read with a share lock on its row until commit: a
 * concurrent publish or unpublish (which updates that row) waits for this transaction, or this
 * read waits for it and sees its result. Without the lock, a link created while its article is
 * unpublished could keep the flag of the old state.
 */
export const articleStatusLocked = async (
  req: PayloadRequest,
  articlesSlug: string,
  id: number | string,
): Promise<null | string> => {
  const db = await drizzleFor(req.payload, req)
  const { rows } = await db.execute(
    sql`SELECT _status FROM ${tableSql(req.payload, tableOf(req.payload, articlesSlug))} WHERE id = ${id} FOR SHARE`,
  )
  return ((rows[0] as { _status?: null | string } | undefined)?._status ?? null) as null | string
}
