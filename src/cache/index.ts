import type { Config, Payload } from 'payload'

import type { ResolvedOptions } from '../options.js'

import { appendHooks } from '../collection.js'
import { newsroomOptions } from '../delivery/pluginOptions.js'
import { startDispatcher } from './dispatcher.js'
import { invalidateEndpoint } from './invalidateEndpoint.js'
import { mediaInvalidationHooks } from './invalidation.js'

export { invalidationHooks } from './invalidation.js'
export * from './cacheTags.js'

/**
 * With `onInvalidate`: the media collection's changes go to the outbox too, the endpoint that
 * runs `onInvalidate` inside a request is added, and each app instance (Payload started with its
 * `onInit`) dispatches the outbox until its database adapter is destroyed.
 */
export const withInvalidation = (config: Config, options: ResolvedOptions): Config => {
  const { media, onInvalidate } = options
  if (!onInvalidate) return config
  return {
    ...config,
    collections: (config.collections ?? []).map((collection) =>
      collection.slug === media
        ? { ...collection, hooks: appendHooks(collection.hooks, mediaInvalidationHooks(media, options)) }
        : collection,
    ),
    endpoints: [...(config.endpoints ?? []), invalidateEndpoint(options)],
    onInit: async (payload: Payload) => {
      let stop = startDispatcher(payload, options)
      const { connect, destroy } = payload.db
      // Stopped before the pool ends, or ending it would wait for the listening connection.
      payload.db.destroy = async () => {
        await stop()
        await destroy?.call(payload.db)
      }
      // Payload's hot reload destroys and reconnects the adapter without onInit: start again then.
      if (connect) {
        payload.db.connect = async (args) => {
          await connect.call(payload.db, args)
          await stop()
          // The reloaded config's options (its routes, its onInvalidate).
          stop = startDispatcher(payload, newsroomOptions(payload))
        }
      }
      await config.onInit?.(payload)
    },
  }
}
