import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Caps page sizes of reads that come over the network (REST, GraphQL) so one request cannot
 * dump a table: `limit=0`, `pagination=false` and limits above `maxLimit` all become
 * `maxLimit`. Server code using the Local API is trusted to choose its own page size.
 */
export const clampLimit =
  (maxLimit: number): CollectionBeforeOperationHook =>
  ({ args, operation, req }) => {
    // `id` marks findByID, which has no page size.
    if (operation !== 'read' || 'id' in args || req.payloadAPI === 'local') return args
    const { limit, pagination } = args as { limit?: number; pagination?: boolean }
    const tooLarge = limit === 0 || (typeof limit === 'number' && limit > maxLimit) || pagination === false
    return tooLarge ? { ...args, limit: maxLimit, pagination: true } : args
  }
