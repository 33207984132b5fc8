import type { Config } from 'payload'

import { inject } from 'vitest'

import type { NewsroomPluginOptions } from '../../src/index.js'

import { createDatabaseOn, createEditor, startPayloadOn, type TestContext } from './instance.js'
import { restClient } from './rest.js'

export * from './instance.js'

/**
 * A Payload instance with the plugin on a fresh PostgreSQL database of its own, the schema
 * pushed as in development. Each test file calls this once, so files never see each other's rows.
 */
export const startPayload = async (
  options: NewsroomPluginOptions = { media: 'media' },
  extra: Partial<Config> = {},
  // The REST handler looks Payload up under the default key; a second instance in one file needs its own.
  key = 'default',
  /** Another instance's database: two app instances on one PostgreSQL. */
  sharedDatabaseUrl?: string,
): Promise<TestContext> =>
  startPayloadOn(
    sharedDatabaseUrl ?? (await createDatabaseOn(inject('postgresServerUrl'))),
    options,
    extra,
    key,
  )

/** A Payload instance with one editor, logged in over REST: most rule tests start here. */
export const startWithEditor = async (...args: Parameters<typeof startPayload>) => {
  const ctx = await startPayload(...args)
  const editor = await createEditor(ctx.payload)
  const rest = restClient(ctx.config)
  const token = await rest.login('users', 'editor@newsroom.test', 'secret-password')
  return { ...ctx, editor, rest, token }
}
