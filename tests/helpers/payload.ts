import { inject } from 'vitest'

import {
  createDatabaseOn,
  createEditor,
  type InstanceOptions,
  startPayloadOn,
  type TestContext,
} from './instance.js'
import { restClient } from './rest.js'

export * from './instance.js'

export type StartOptions = InstanceOptions & {
  /** Another instance's database: two app instances on one PostgreSQL. */
  databaseUrl?: string
}

/**
 * A Payload instance with the plugin on a fresh PostgreSQL database of its own, the schema
 * pushed as in development. Each test file calls this once, so files never see each other's rows.
 */
export const startPayload = async ({ databaseUrl, ...options }: StartOptions = {}): Promise<TestContext> =>
  startPayloadOn(databaseUrl ?? (await createDatabaseOn(inject('postgresServerUrl'))), options)

/** A Payload instance with one editor, logged in over REST: most rule tests start here. */
export const startWithEditor = async (options: StartOptions = {}) => {
  const ctx = await startPayload(options)
  const editor = await createEditor(ctx.payload)
  const rest = restClient(ctx.config)
  const token = await rest.login('users', 'editor@newsroom.test', 'secret-password')
  return { ...ctx, editor, rest, token }
}
