import type { CollectionBeforeOperationHook } from 'payload'

import { refuse } from './refuse.js'

/** The deepest page a network read may ask for: far beyond any real listing, well inside PostgreSQL's OFFSET. */
export const MAX_PAGE = 100_000

/** Payload's page size when a read names none. */
const DEFAULT_PAGE_SIZE = 10

/**
 * A network read's page size as an integer from 1 to `maxLimit` (absent: Payload's default, within
 * that range). Anything else (zero, negative, fractional, not a number, too large) becomes a whole
 * number in that range: drizzle writes no LIMIT for a negative one, and PostgreSQL refuses a fractional one.
 */
export const pageSizeOf = (limit: unknown, maxLimit: number): number => {
  if (limit === undefined) return Math.min(DEFAULT_PAGE_SIZE, maxLimit)
  const value = typeof limit === 'number' ? limit : Number.NaN
  if (!Number.isFinite(value) || value < 1) return maxLimit
  return Math.min(Math.floor(value), maxLimit)
}

/** A page number is an integer from 1 to MAX_PAGE; absent means the first. */
export const isValidPage = (page: unknown): boolean =>
  page === undefined || (typeof page === 'number' && Number.isInteger(page) && page >= 1 && page <= MAX_PAGE)

type JoinParams = { count?: boolean; limit?: unknown; page?: unknown; sort?: string; where?: unknown }
type ReadArgs = {
  joins?: false | Record<string, false | JoinParams>
  limit?: unknown
  page?: unknown
  pagination?: boolean
}

/**
 * Page sizes of reads that come over the network (REST, GraphQL), join lists included, are whole
 * numbers from 1 to `maxLimit`, so no request can dump a table; a page that is not a whole number
 * from 1 to MAX_PAGE is a 400 naming `page`. Server code using the Local API chooses its own size.
 */
export const clampPageSize =
  (maxLimit: number): CollectionBeforeOperationHook =>
  ({ args, collection, operation, overrideAccess, req }) => {
    // Internal reads inside a network request's hooks run with full access and their own sizes.
    if (req.payloadAPI === 'local' || overrideAccess) return args
    if (operation !== 'read' && operation !== 'readDistinct') return args
    const read = args as ReadArgs
    // Join lists come with lists and single documents alike; one the request does not name gets the default size.
    let joins = read.joins
    if (joins !== false) {
      const named = joins ?? {}
      const unnamed: [string, JoinParams][] = collection.flattenedFields
        .filter((field) => field.type === 'join' && !(field.name in named))
        .map((field) => [field.name, {}])
      joins = Object.fromEntries(
        [...Object.entries(named), ...unnamed].map(([path, join]): [string, false | JoinParams] => {
          if (!join) return [path, join]
          if (!isValidPage(join.page))
            refuse(req, `joins.${path}.page`, 'errorPageInvalid', { max: MAX_PAGE })
          return [path, { ...join, limit: pageSizeOf(join.limit, maxLimit) }]
        }),
      )
    }
    // `id` marks findByID and findVersionByID, which have no page size.
    if ('id' in args) return { ...args, joins }
    if (!isValidPage(read.page)) refuse(req, 'page', 'errorPageInvalid', { max: MAX_PAGE })
    // `pagination=false` asks for everything: it gets the largest page instead.
    const limit =
      read.pagination === false && read.limit === undefined ? maxLimit : pageSizeOf(read.limit, maxLimit)
    return { ...args, joins, limit, pagination: true }
  }
