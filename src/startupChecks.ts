import type { CollectionConfig, Config, Payload } from 'payload'

import { reportFailedCommits } from './postgres/commitFailures.js'
import { sendLeftAfterCommit } from './postgres/outbox.js'

const ACCESS_OPERATIONS = ['create', 'read', 'update', 'delete'] as const

/**
 * Payload lets any logged-in account create, read, update and delete users unless the
 * collection says otherwise. Next to another auth collection (reader accounts) that means a
 * reader can make themselves an editor: say so at start-up, naming what is missing.
 */
export const editorsAccessWarning = (config: Config, usersSlug: string): null | string => {
  const auth = (config.collections ?? []).filter((collection: CollectionConfig) => collection.auth)
  const users = auth.find((collection) => collection.slug === usersSlug)
  if (!users || auth.length < 2) return null
  const open = ACCESS_OPERATIONS.filter((operation) => !users.access?.[operation])
  if (!open.length) return null
  const others = auth.filter((collection) => collection !== users).map((collection) => collection.slug)
  return (
    `payload-newsroom: the editors' collection "${usersSlug}" has Payload's default access for ` +
    `${open.join(', ')}: any logged-in account of ${others.map((slug) => `"${slug}"`).join(', ')} ` +
    `may ${open.join('/')} editors. Set access.${open.join(', access.')} on "${usersSlug}".`
  )
}

type Adapter = ReturnType<Config['db']['init']>

/**
 * The plugin's locks and gates hold only inside a transaction (advisory locks are released at
 * the end of the transaction, and a refused comment is rolled back). With `transactionOptions:
 * false` the adapter opens none: refuse to start rather than run with void rules.
 */
const requireTransactions = async (adapter: Adapter) => {
  const id = await adapter.beginTransaction()
  if (id === null || id === undefined) {
    throw new Error(
      'payload-newsroom needs database transactions: remove `transactionOptions: false` from the postgres adapter',
    )
  }
  await adapter.rollbackTransaction(id)
}

/**
 * Start-up checks: transactions on (an error), failed commits reported (see reportFailedCommits),
 * outbox rows a commit left behind written (see sendLeftAfterCommit), the editors' access (a warning).
 */
export const withStartupChecks = (config: Config, usersSlug: string): Config => {
  const warning = editorsAccessWarning(config, usersSlug)
  return {
    ...config,
    db: {
      ...config.db,
      init: (args) => {
        const adapter = config.db.init(args)
        const connect = adapter.connect
        adapter.connect = async (connectArgs) => {
          await connect?.call(adapter, connectArgs)
          reportFailedCommits(adapter)
          sendLeftAfterCommit(adapter)
          await requireTransactions(adapter)
        }
        return adapter
      },
    },
    onInit: async (payload: Payload) => {
      if (warning) payload.logger.warn(warning)
      await config.onInit?.(payload)
    },
  }
}
