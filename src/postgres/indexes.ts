import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Config } from 'payload'

import { index } from '@payloadcms/db-postgres/drizzle/pg-core'

import { snakeCase } from './tables.js'

type Adapter = ReturnType<Config['db']['init']>
type Table = Record<string, unknown>

/**
 * Indexes the delivery queries need that Payload's `indexes` option cannot declare (it may not
 * name `id`), added to the adapter's schema once Payload has built it, so schema push and
 * `payload migrate:create` both carry them. Kept when the plugin is disabled, like the rest of
 * the schema; other adapters are left alone.
 *
 * - `<articles>_related_window_idx` (published_at, _status, paid_content, id): the automatic
 *   related query filters a date window and joins by id, which this index answers alone
 *   (an index-only scan) instead of visiting every article row in the window.
 * - `<articles>_listing_idx` (id, _status, published_at, created_at): lists of a region join
 *   its `_rels` rows to articles by id and sort by date; answered from the index too.
 */
export const withDeliveryIndexes = (db: Config['db'], articlesSlug: string): Config['db'] => ({
  ...db,
  init: (args) => {
    const adapter = db.init(args) as Adapter & Partial<PostgresAdapter>
    if (adapter.name !== 'postgres' || !Array.isArray(adapter.afterSchemaInit)) return adapter
    adapter.afterSchemaInit = [
      ...adapter.afterSchemaInit,
      ({ extendTable, schema }) => {
        const name = adapter.tableNameMap?.get(snakeCase(articlesSlug)) ?? snakeCase(articlesSlug)
        const table = schema.tables[name]
        if (!table) return schema
        extendTable({
          extraConfig: (columns: Table) => ({
            newsroomListing: index(`${name}_listing_idx`).on(
              columns.id as never,
              columns._status as never,
              columns.publishedAt as never,
              columns.createdAt as never,
            ),
            newsroomRelatedWindow: index(`${name}_related_window_idx`).on(
              columns.publishedAt as never,
              columns._status as never,
              columns.paidContent as never,
              columns.id as never,
            ),
          }),
          table,
        })
        return schema
      },
    ]
    return adapter
  },
})
