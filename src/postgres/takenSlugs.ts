import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { inList } from './inList.js'
import { tableOf, tableSql, versionsTableOf } from './tables.js'
import { drizzleFor } from './transaction.js'

/**
 * Slugs among `candidates` used by another document, or (for versioned collections) by the
 * latest version of another document: a draft may claim a slug the main table does not show
 * yet, and publishing it later would collide. One statement on the request's transaction.
 */
export const takenSlugs = async (
  req: PayloadRequest,
  collection: string,
  candidates: readonly string[],
  selfID: number | string | undefined,
  versioned: boolean,
): Promise<Set<string>> => {
  const db = await drizzleFor(req.payload, req)
  const others = selfID === undefined ? sql`TRUE` : sql`id <> ${selfID}`
  const drafts = versioned
    ? sql`UNION SELECT version_slug FROM ${tableSql(req.payload, versionsTableOf(req.payload, collection))}
          WHERE latest AND ${inList(sql`version_slug`, candidates)}
            AND ${selfID === undefined ? sql`TRUE` : sql`parent_id IS DISTINCT FROM ${selfID}`}`
    : sql``
  const { rows } = await db.execute(sql`
    SELECT slug FROM ${tableSql(req.payload, tableOf(req.payload, collection))}
    WHERE ${inList(sql`slug`, candidates)} AND ${others}
    ${drafts}`)
  return new Set(rows.map((row) => String((row as { slug: unknown }).slug)))
}
