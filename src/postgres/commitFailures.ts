import type { BaseDatabaseAdapter } from 'payload'

type Drizzle = {
  transaction: (callback: (tx: object) => Promise<unknown>, config?: unknown) => Promise<unknown>
}

/**
 * @payloadcms/drizzle 3.90 swallows a failed COMMIT: its transaction promise ends in a `catch`, so
 * a save whose commit PostgreSQL refused (the server going away, a deferred constraint) is
 * answered as a success although nothing was stored. This records the failure of each
 * transaction and makes `commitTransaction` throw it, so the save fails as it did.
 */
export const reportFailedCommits = (adapter: BaseDatabaseAdapter): void => {
  const drizzle = (adapter as { drizzle?: Drizzle }).drizzle
  if (!drizzle?.transaction || !adapter.sessions) return
  const failures = new WeakMap<object, unknown>()
  const transaction = drizzle.transaction.bind(drizzle)
  drizzle.transaction = (callback, config) => {
    let tx: object | undefined
    return transaction(async (started) => {
      tx = started
      return callback(started)
    }, config).catch((error: unknown) => {
      // A rollback ends the callback with no error; only a real failure is recorded.
      if (tx && error) failures.set(tx, error)
      throw error
    })
  }
  const commit = adapter.commitTransaction.bind(adapter)
  adapter.commitTransaction = async (incomingID) => {
    const id = incomingID instanceof Promise ? await incomingID : incomingID
    const session = id === undefined || id === null ? undefined : adapter.sessions?.[String(id)]
    await commit(id)
    const failure = session?.db && typeof session.db === 'object' ? failures.get(session.db) : undefined
    if (failure) {
      throw new Error(
        `The database did not commit this save: ${(failure as Error).message ?? String(failure)}`,
        {
          cause: failure,
        },
      )
    }
  }
}
