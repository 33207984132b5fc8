import type { SQL } from 'drizzle-orm'
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { inList } from './inList.js'
import { tableOf, tableSql, versionsTableOf } from './tables.js'
import { drizzleFor } from './transaction.js'

/**
 * The statement that finds the slugs among `candidates` used by another document, or (for
 * versioned collections) by the latest version of another document: a draft may claim a slug the
 * main table does not show yet, and publishing it later would collide.
 */
export const takenSlugsSql = (
  req: PayloadRequest,
  collection: string,
  candidates: readonly string[],
  selfID: number | string | undefined,
  versioned: boolean,
): SQL => {
  const others = selfID === undefined ? sql`TRUE` : sql`id <> ${selfID}`
  const drafts = versioned
    ? sql`UNION SELECT version_slug FROM ${tableSql(req.payload, versionsTableOf(req.payload, collection))}
          WHERE latest AND ${inList(sql`version_slug`, candidates)}
            AND ${selfID === undefined ? sql`TRUE` : sql`parent_id IS DISTINCT FROM ${selfID}`}`
    : sql``
  return sql`SELECT slug FROM ${tableSql(req.payload, tableOf(req.payload, collection))}
    WHERE ${inList(sql`slug`, candidates)} AND ${others}
    ${drafts}`
}

/** The slugs a `takenSlugsSql` statement returned. */
export const slugsOf = (rows: unknown[]): Set<string> =>
  new Set(rows.map((row) => String((row as { slug: unknown }).slug)))

/** `takenSlugsSql`, run on the request's transaction. */
export const takenSlugs = async (
  req: PayloadRequest,
  collection: string,
  candidates: readonly string[],
  selfID: number | string | undefined,
  versioned: boolean,
): Promise<Set<string>> => {
  const db = await drizzleFor(req.payload, req)
  const { rows } = await db.execute(takenSlugsSql(req, collection, candidates, selfID, versioned))
  return slugsOf(rows)
}
