import type { SQL } from 'drizzle-orm'

import { sql } from '@payloadcms/db-postgres'

/** `column IN (...)`; drizzle spreads arrays into lists, and an empty list is no SQL, so empty is FALSE. */
export const inList = (column: SQL, values: readonly (number | string)[]): SQL =>
  values.length
    ? sql`${column} IN (${sql.join(
        values.map((value) => sql`${value}`),
        sql`, `,
      )})`
    : sql`FALSE`
