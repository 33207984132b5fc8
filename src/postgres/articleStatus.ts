import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { tableOf, tableSql } from './tables.js'
import { drizzleFor } from './transaction.js'

/**
 * "Is this article published": has it a published row (a draft saved over a published article
 * leaves it published)? With `lock`, the row is read under a share lock until commit: a
 * concurrent publish or unpublish (which updates that row) waits for this transaction, or this
 * read waits for it and sees its result, so a link created meanwhile cannot keep a stale flag.
 */
export const hasPublishedRow = async (
  req: PayloadRequest,
  articlesSlug: string,
  id: unknown,
  { lock = false } = {},
): Promise<boolean> => {
  if (typeof id !== 'number' && typeof id !== 'string') return false
  const db = await drizzleFor(req.payload, req)
  const table = tableSql(req.payload, tableOf(req.payload, articlesSlug))
  const { rows } = await db.execute(
    sql`SELECT _status FROM ${table} WHERE id = ${id} ${lock ? sql`FOR SHARE` : sql``}`,
  )
  return (rows[0] as { _status?: unknown } | undefined)?._status === 'published'
}

/**
 * Locks an article's row until commit (saves of one article then take turns) and counts the notes
 * stored on it: a save that read its notes before a concurrent one committed sees the count
 * differ, and reads them again rather than write back a stale list.
 */
export const lockArticleNotes = async (
  req: PayloadRequest,
  articlesSlug: string,
  id: unknown,
): Promise<null | number> => {
  if (typeof id !== 'number' && typeof id !== 'string') return null
  const db = await drizzleFor(req.payload, req)
  const table = tableOf(req.payload, articlesSlug)
  const locked = await db.execute(
    sql`SELECT 1 FROM ${tableSql(req.payload, table)} WHERE id = ${id} FOR UPDATE`,
  )
  if (locked.rows.length === 0) return null
  // A statement of its own: one that waited for the lock still counts with the snapshot it began with.
  const { rows } = await db.execute(
    sql`SELECT count(*) AS notes FROM ${tableSql(req.payload, `${table}_corrections`)} WHERE _parent_id = ${id}`,
  )
  return Number((rows[0] as { notes: number | string }).notes)
}
