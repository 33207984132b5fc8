import type { SQL } from 'drizzle-orm'
import type { CollectionSlug, Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { tableOf, tableSql } from './tables.js'

/** Payload's jobs collection, where scheduled publishing queues its `schedulePublish` jobs. */
const JOBS = 'payload-jobs'

/**
 * A SELECT of `next`: the earliest pending scheduled publish or unpublish of the collection's
 * documents (of one, given its id as SQL), when a result changes with no write by an editor.
 * Plain `FALSE` rows when the host has no jobs collection.
 */
export const nextScheduledChange = (payload: Payload, collection: string, id?: SQL): SQL => {
  if (!payload.collections[JOBS as CollectionSlug]) return sql`SELECT NULL::timestamptz AS next`
  const jobs = tableSql(payload, tableOf(payload, JOBS))
  return sql`SELECT min(j.wait_until) AS next FROM ${jobs} j
    WHERE j.task_slug = 'schedulePublish' AND j.completed_at IS NULL AND j.wait_until IS NOT NULL
      AND NOT coalesce(j.has_error, false) AND j.input->'doc'->>'relationTo' = ${collection}
      ${id ? sql`AND j.input->'doc'->>'value' = (${id})::text` : sql``}`
}
