import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Config } from 'payload'

import { index } from '@payloadcms/db-postgres/drizzle/pg-core'

import { snakeCase } from './tables.js'

type Adapter = ReturnType<Config['db']['init']>

/**
 * Indexes the delivery queries need that Payload's `indexes` option cannot declare (it may not
 * name `id`, nor touch a `_rels` table), added to the adapter's schema once Payload has built it,
 * so schema push and `payload migrate:create` both carry them. Kept when the plugin is disabled,
 * like the rest of the schema; other adapters are left alone. Each lets PostgreSQL answer from
 * the index alone (an index-only scan) instead of visiting wide article rows:
 *
 * - `<articles>_by_date_idx` (published_at, created_at, id DESC, _status, paid_content): the
 *   related query's date window, and "newest first" lists walked backwards until a page is full.
 *   Walked backwards it is exactly the order of Payload's page query for `sort: '-publishedAt'`
 *   (published_at and created_at descending, then id ascending, which its DISTINCT query sorts
 *   last), so a list stops after its page instead of sorting batches. The related walk orders by
 *   published_at and id and takes an incremental sort over it.
 * - `<articles>_listing_idx` (id, _status, published_at, created_at, paid_content): lists that
 *   start from a region's `_rels` rows and join their articles by id, and the related query's
 *   check of the articles that share several regions.
 * - `<articles>_rels_parent_region_idx` (parent_id, <regions>_id, path): "is this article in
 *   that region?", asked once per article by both of the above.
 * - `<articles>_rels_region_parent_idx` (<regions>_id, path, parent_id): "which articles are in
 *   these regions?", the related query's count of shared regions.
 */
export const withDeliveryIndexes = (
  db: Config['db'],
  { articles, regions }: { articles: string; regions: string },
): Config['db'] => ({
  ...db,
  init: (args) => {
    const adapter = db.init(args) as Adapter & Partial<PostgresAdapter>
    if (adapter.name !== 'postgres' || !Array.isArray(adapter.afterSchemaInit)) return adapter
    adapter.afterSchemaInit = [
      ...adapter.afterSchemaInit,
      ({ extendTable, schema }) => {
        const name = adapter.tableNameMap?.get(snakeCase(articles)) ?? snakeCase(articles)
        const rels = `${name}${adapter.relationshipsSuffix ?? '_rels'}`
        // A host may drop fields through `collections.articles.fields`; then there is no index to add.
        const table = schema.tables[name]
        if (table && ['publishedAt', 'createdAt', '_status', 'paidContent'].every((key) => table[key])) {
          extendTable({
            extraConfig: (c) => ({
              newsroomByDate: index(`${name}_by_date_idx`).on(
                c.publishedAt,
                c.createdAt,
                c.id.desc().nullsFirst(),
                c._status,
                c.paidContent,
              ),
              newsroomListing: index(`${name}_listing_idx`).on(
                c.id,
                c._status,
                c.publishedAt,
                c.createdAt,
                c.paidContent,
              ),
            }),
            table,
          })
        }
        if (schema.tables[rels]?.[`${regions}ID`]) {
          extendTable({
            extraConfig: (c) => ({
              newsroomParentRegion: index(`${rels}_parent_region_idx`).on(
                c.parent,
                c[`${regions}ID`],
                c.path,
              ),
              newsroomRegionParent: index(`${rels}_region_parent_idx`).on(
                c[`${regions}ID`],
                c.path,
                c.parent,
              ),
            }),
            table: schema.tables[rels],
          })
        }
        return schema
      },
    ]
    return adapter
  },
})
