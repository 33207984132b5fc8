import type { CollectionSlug, TaskConfig } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { drizzleFor } from '../postgres/transaction.js'
import { tableOf, tableSql } from '../postgres/tables.js'

export const CLEAR_IP_HASHES_TASK = 'newsroomClearIpHashes'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Clears `ipHash` of comments older than the retention period (data minimisation, GDPR Art. 5(1)(e)).
 * One UPDATE, whatever the number of comments. Runs daily on the `newsroom` queue; a host runs
 * that queue with `jobs.autoRun` or a cron calling `/api/payload-jobs/run?queue=newsroom`.
 */
export const clearIpHashesTask = (
  commentsSlug: CollectionSlug,
  retentionDays: number,
  /** With `disabled`, the task stays registered (its slug and schedule are schema) but does nothing. */
  enabled: boolean,
): TaskConfig<{ input: object; output: { cleared: number } }> => ({
  slug: CLEAR_IP_HASHES_TASK,
  handler: async ({ req }) => {
    if (!enabled) return { output: { cleared: 0 } }
    const cutoff = new Date(Date.now() - retentionDays * DAY_MS).toISOString()
    const db = await drizzleFor(req.payload, req)
    const result = await db.execute(sql`
      UPDATE ${tableSql(req.payload, tableOf(req.payload, commentsSlug))}
      SET ip_hash = NULL
      WHERE ip_hash IS NOT NULL AND created_at < ${cutoff}
    `)
    return { output: { cleared: result.rowCount ?? 0 } }
  },
  outputSchema: [{ name: 'cleared', type: 'number' }],
  schedule: [{ cron: '0 3 * * *', queue: 'newsroom' }],
})
