import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { SQL } from 'drizzle-orm'
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

/** Payload's default table name for a slug (`related-links` -> `related_links`, `newsItems` -> `news_items`). */
export const snakeCase = (value: string): string =>
  value
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^a-zA-Z0-9]+/g, '_')
    .toLowerCase()

/** The table a collection is stored in, honouring a custom `dbName`. */
export const tableOf = (payload: Payload, slug: string): string => {
  const adapter = payload.db as unknown as PostgresAdapter
  return adapter.tableNameMap.get(snakeCase(slug)) ?? snakeCase(slug)
}

/** The table a versioned collection keeps its versions in (`_articles_v` by default). */
export const versionsTableOf = (payload: Payload, slug: string): string => {
  const adapter = payload.db as unknown as PostgresAdapter
  const name = `_${snakeCase(slug)}${adapter.versionsSuffix ?? '_v'}`
  return adapter.tableNameMap.get(name) ?? name
}

/** The table a collection keeps its relationship rows in (`articles_rels` by default). */
export const relsTableOf = (payload: Payload, slug: string): string => {
  const adapter = payload.db as unknown as PostgresAdapter
  return `${tableOf(payload, slug)}${adapter.relationshipsSuffix ?? '_rels'}`
}

/**
 * A table as SQL, qualified with the adapter's `schemaName` when the host set one (raw SQL does
 * not go through drizzle's schema-aware table objects).
 */
export const tableSql = (payload: Payload, table: string): SQL => {
  const { schemaName } = payload.db as unknown as PostgresAdapter
  return schemaName && schemaName !== 'public'
    ? sql`${sql.identifier(schemaName)}.${sql.identifier(table)}`
    : sql`${sql.identifier(table)}`
}
