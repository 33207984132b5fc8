import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { runWithPendingChecks } from './pendingChecks.js'
import { relsTableOf, tableOf, tableSql } from './tables.js'
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

/** An article's stored row as it was before the save that locked it: what readers were served. */
export type StoredArticle = {
  authors: (number | string)[]
  regions: (number | string)[]
  slug: null | string
  status: null | string
}

const STORED_KEY = 'newsroomStoredArticles'

/**
 * The stored row of an article before this request's save, when the save locked it (every update
 * does when invalidation is on, see lockArticleNotes). Payload's `previousDoc` is the latest version, which for an
 * article with a pending draft is not what readers were served.
 */
export const takeStoredArticle = (req: PayloadRequest, id: unknown): StoredArticle | undefined => {
  const stored = req.context?.[STORED_KEY] as Record<string, StoredArticle> | undefined
  const entry = stored?.[String(id)]
  // Taken once: a request's context may outlive this save (a job run, a caller's own object).
  if (stored) delete stored[String(id)]
  return entry
}

/**
 * Locks an article's row until commit (saves of one article then take turns) and counts the notes
 * stored on it: a save that read its notes before a concurrent one committed sees the count
 * differ, and reads them again rather than write back a stale list. Keeps the row's status, slug,
 * regions and authors for the cache invalidation (storedArticleBefore).
 */
export const lockArticleNotes = async (
  req: PayloadRequest,
  articlesSlug: string,
  id: unknown,
  remember?: { authorsSlug: string; regionsSlug: string },
  save?: unknown,
): Promise<null | number> => {
  if (typeof id !== 'number' && typeof id !== 'string') return null
  // The save's context, taken now: a read in a hook that runs meanwhile (readLatestInSave) swaps
  // `req.context` for its own until it returns, and the answer may land in between.
  const context = (req.context ??= {})
  const db = await drizzleFor(req.payload, req)
  const table = tableOf(req.payload, articlesSlug)
  const rels = tableSql(req.payload, relsTableOf(req.payload, articlesSlug))
  const related = (path: string, slug: string) =>
    sql`(SELECT array_agg(r.${sql.identifier(`${tableOf(req.payload, slug)}_id`)}) FROM ${rels} r
      WHERE r.parent_id = ${id} AND r.path = ${path})`
  // A statement of its own (sent in the lock's round trip): one that waited for the lock still
  // reads with the snapshot it began with, so the notes, regions and authors are read after it,
  // as the concurrent save left them.
  const [locked, { rows }] = (await runWithPendingChecks(
    db,
    save,
    sql`SELECT a._status AS status, a.slug FROM ${tableSql(req.payload, table)} a WHERE a.id = ${id} FOR UPDATE`,
    sql`SELECT (SELECT count(*) FROM ${tableSql(req.payload, `${table}_corrections`)} WHERE _parent_id = ${id}) AS notes
      ${remember ? sql`, ${related('regions', remember.regionsSlug)} AS regions, ${related('authors', remember.authorsSlug)} AS authors` : sql``}`,
  )) as [{ rows: unknown[] }, { rows: unknown[] }]
  const row = locked.rows[0] as Pick<StoredArticle, 'slug' | 'status'> | undefined
  if (!row) return null
  const after = rows[0] as {
    authors?: StoredArticle['authors']
    notes: number | string
    regions?: StoredArticle['regions']
  }
  if (remember) {
    const stored = ((context[STORED_KEY] as Record<string, StoredArticle> | undefined) ??= {})
    // The first lock of a save is the state before it; the invalidation hook takes it (takeStoredArticle).
    stored[String(id)] ??= {
      authors: after.authors ?? [],
      regions: after.regions ?? [],
      slug: row.slug,
      status: row.status,
    }
  }
  return Number(after.notes)
}
