import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Caps page sizes of access-controlled reads (REST, GraphQL, Local API with
 * `overrideAccess: false`) so one request cannot dump a table: `limit=0`, `pagination=false`
 * and limits above `maxLimit` all become `maxLimit`.
 */
export const clampLimit =
  (maxLimit: number): CollectionBeforeOperationHook =>
  ({ args, operation }) => {
    // `id` marks findByID; the Local API sets overrideAccess to true unless told otherwise.
    if (operation !== 'read' || 'id' in args || args.overrideAccess) return args
    const { limit, pagination } = args as { limit?: number; pagination?: boolean }
    const tooLarge = limit === 0 || (typeof limit === 'number' && limit > maxLimit) || pagination === false
    return tooLarge ? { ...args, limit: maxLimit, pagination: true } : args
  }
