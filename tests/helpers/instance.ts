// Payload instances for tests and the benchmark: no vitest import, so plain scripts can use it.
import type { CollectionConfig, Config, Payload, PayloadRequest } from 'payload'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { de } from '@payloadcms/translations/languages/de'
import { en } from '@payloadcms/translations/languages/en'
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { buildConfig, getPayload, type SanitizedConfig } from 'payload'

import { endPayloadPool } from '../../dev/processGuard.js'
import { newsroomPlugin, type NewsroomPluginOptions } from '../../src/index.js'

export type TestContext = {
  config: SanitizedConfig
  /** The database this file owns, for direct SQL checks. */
  databaseUrl: string
  payload: Payload
  query: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>
  stop: () => Promise<void>
}

/** Editors manage editors: Payload's default would let any logged-in reader create one. */
const editorsOnly = ({ req }: { req: PayloadRequest }) => req.user?.collection === 'users'
export const users: CollectionConfig = {
  slug: 'users',
  access: { create: editorsOnly, delete: editorsOnly, read: editorsOnly, update: editorsOnly },
  auth: true,
  fields: [{ name: 'name', type: 'text' }],
}
/** Reader accounts: logged in, but not editors. */
export const readers: CollectionConfig = { slug: 'readers', auth: true, fields: [] }
export const media: CollectionConfig = {
  slug: 'media',
  fields: [{ name: 'alt', type: 'text' }],
  // Uploads of the tests (the seed's image) go to a temporary folder, not into the checkout.
  upload: { staticDir: path.join(os.tmpdir(), 'payload-newsroom-test-media') },
}

export type Statement = { params: unknown[]; sql: string }

let statementLog: null | Statement[] = null

/** The SQL statements `fn` sends through Payload's adapter (db-postgres `logger`), in order, with their parameters. */
export const recordStatements = async (fn: () => Promise<unknown>): Promise<Statement[]> => {
  const log: Statement[] = []
  statementLog = log
  try {
    await fn()
  } finally {
    statementLog = null
  }
  return log
}

/** The SQL text of the statements `fn` sends, in order. */
export const recordQueries = async (fn: () => Promise<unknown>): Promise<string[]> =>
  (await recordStatements(fn)).map((statement) => statement.sql)

/** A fresh, empty database on the given PostgreSQL server; returns its URL. */
export const createDatabaseOn = async (server: string): Promise<string> => {
  const name = `newsroom_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: server })
  await client.connect()
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
  return new URL(name, server).toString()
}

/** How a test starts the plugin: its options, the host's config around it, and the instance's key. */
export type InstanceOptions = {
  /** Merged over the test config as a host's own would be (plugins, localization, collections). */
  config?: Partial<Config>
  /** The REST handler looks Payload up under the default key; a second instance in one file needs its own. */
  key?: string
  /** The plugin's options; by default only the media collection, which the test config has. */
  plugin?: NewsroomPluginOptions
}

/** A Payload instance with the plugin on the given database (tests and the benchmark). */
export const startPayloadOn = async (
  databaseUrl: string,
  { config: extra = {}, key = 'default', plugin = { media: 'media' } }: InstanceOptions = {},
): Promise<TestContext> => {
  // Payload skips the push when this process pushed the same schema before; every instance here has a fresh database.
  process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
  const config = await buildConfig({
    collections: [users, readers, media],
    db: postgresAdapter({
      logger: { logQuery: (sql, params) => statementLog?.push({ params, sql }) },
      pool: { connectionString: databaseUrl, max: 20 },
    }),
    editor: lexicalEditor(),
    i18n: { supportedLanguages: { de, en } },
    logger: { options: { level: 'fatal' } },
    secret: 'newsroom-test-secret',
    telemetry: false,
    ...extra,
    plugins: [newsroomPlugin(plugin), ...(extra.plugins ?? [])],
  })
  // onInit starts the invalidation dispatcher; other tests need none of it.
  const payload = await getPayload({ config, disableOnInit: !plugin.onInvalidate, key })
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 })
  // A test that ends connections on purpose (poolErrors) may end this pool's idle one too.
  pool.on('error', () => {})
  return {
    config,
    databaseUrl,
    payload,
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    stop: async () => {
      await pool.end()
      await payload.destroy()
      await endPayloadPool((payload.db as { pool?: Parameters<typeof endPayloadPool>[0] }).pool)
    },
  }
}

/** Creates an editor and returns a user object the Local API accepts as `user`. */
export const createEditor = async (payload: Payload, email = 'editor@newsroom.test') => {
  const editor = await payload.create({ collection: 'users', data: { email, password: 'secret-password' } })
  return { ...editor, collection: 'users' } as unknown as PayloadRequest['user'] & { id: number }
}

export const createReader = async (payload: Payload, email = 'reader@newsroom.test') => {
  const reader = await payload.create({ collection: 'readers', data: { email, password: 'secret-password' } })
  return { ...reader, collection: 'readers' } as unknown as PayloadRequest['user'] & { id: number }
}
