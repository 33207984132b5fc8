import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import type { ResolvedOptions } from '../options.js'

import {
  claimInvalidations,
  type OutboxMessage,
  deleteInvalidations,
  OUTBOX_CHANNEL,
  retryInvalidations,
} from '../postgres/outbox.js'
import { uniqueTags } from './cacheTags.js'
import { replicasCaughtUp } from '../postgres/replicas.js'
import { mergeReach, type Reach, resolveReach } from './reach.js'

type PoolClient = {
  on: (event: string, listener: (...args: any[]) => void) => void
  query: (text: string) => Promise<unknown>
  release: (destroy?: boolean) => void
}

export type DispatcherSettings = {
  /** Messages sent in one call (their tags and paths merged). */
  batchSize: number
  /** How long a dispatcher holds the messages it took before another may take them. */
  leaseSeconds: number
  /** A call that takes longer counts as failed. */
  callTimeoutMs: number
  /** Due messages are looked for this often too, for retries and a lost notification. */
  pollMs: number
}

export const defaultDispatcherSettings: DispatcherSettings = {
  batchSize: 100,
  callTimeoutMs: 30_000,
  leaseSeconds: 60,
  pollMs: 5_000,
}

/** Waits after a failure: 2, 4, 8 … seconds, at most five minutes. */
export const retryDelaySeconds = (attempts: number): number => Math.min(300, 2 ** Math.max(1, attempts))

const withTimeout = async <T>(work: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`onInvalidate took longer than ${ms} ms`)), ms)
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Sends the outbox to `onInvalidate` after commit, in every app instance: each listens for the
 * commit notification and also looks every `pollMs`; a message is taken by one instance at a time
 * (`FOR UPDATE SKIP LOCKED` and a lease), deleted once sent, and retried with a growing delay when
 * the call fails. Returns the function that stops it (before the pool ends).
 */
export const startDispatcher = (
  payload: Payload,
  options: ResolvedOptions,
  settings: DispatcherSettings = defaultDispatcherSettings,
): (() => Promise<void>) => {
  const onInvalidate = options.onInvalidate
  if (!onInvalidate) return async () => {}
  const pool = (payload.db as unknown as PostgresAdapter).pool as unknown as {
    connect: () => Promise<PoolClient>
  }
  let stopped = false
  let draining: Promise<void> | null = null
  let again = false
  let listener: PoolClient | null = null
  let reconnect: NodeJS.Timeout | undefined

  /** One call for these messages (their lookups in one statement, now that they are committed). */
  const send = async (messages: OutboxMessage[]) => {
    const reached = await resolveReach(
      payload,
      options,
      mergeReach(messages.map((message) => message.reach as Reach)),
    )
    const invalidation = {
      paths: uniqueTags([...messages.flatMap((message) => message.paths), ...reached.paths]),
      tags: uniqueTags([...messages.flatMap((message) => message.tags), ...reached.tags]),
    }
    // With read replicas, a page rebuilt at once must find the change there too.
    if (!(await replicasCaughtUp(payload))) {
      payload.logger.warn({ msg: 'payload-newsroom: a read replica is behind; invalidating anyway' })
    }
    await withTimeout(Promise.resolve(onInvalidate(invalidation, { payload })), settings.callTimeoutMs)
  }

  const retryLater = async (messages: OutboxMessage[], error: unknown) => {
    const attempts = Math.max(...messages.map((message) => message.attempts))
    payload.logger.error({
      err: error,
      msg: `payload-newsroom: onInvalidate failed for ${messages.length} change(s), retrying in ${retryDelaySeconds(attempts)} s`,
    })
    await retryInvalidations(
      payload,
      messages.map((message) => message.id),
      {
        delaySeconds: retryDelaySeconds(attempts),
        error: error instanceof Error ? error.message : String(error),
      },
    )
  }

  const sendBatch = async (): Promise<boolean> => {
    const messages = await claimInvalidations(payload, {
      leaseSeconds: settings.leaseSeconds,
      limit: settings.batchSize,
    })
    if (!messages.length) return false
    try {
      await send(messages)
      await deleteInvalidations(
        payload,
        messages.map((message) => message.id),
      )
    } catch (error) {
      if (messages.length === 1) {
        await retryLater(messages, error)
        return false
      }
      // One message that keeps failing must not hold the others back: each goes alone then.
      for (const message of messages) {
        if (stopped) break
        try {
          await send([message])
          await deleteInvalidations(payload, [message.id])
        } catch (single) {
          await retryLater([message], single)
        }
      }
      return false
    }
    return messages.length === settings.batchSize
  }

  const drain = async () => {
    do {
      again = false
      try {
        while (!stopped && (await sendBatch()));
      } catch (error) {
        // The database went away or the pool is ending: the next notification or poll tries again.
        if (!stopped)
          payload.logger.error({
            err: error,
            msg: 'payload-newsroom: reading the invalidation outbox failed',
          })
      }
    } while (again && !stopped)
  }

  const kick = () => {
    if (stopped) return
    if (draining) {
      again = true
      return
    }
    draining = drain().finally(() => {
      draining = null
    })
  }

  /** Drops a listening connection (once) and, unless stopped, listens again on a fresh one later. */
  const relisten = (client: null | PoolClient, delayMs: number) => {
    if (client && listener === client) listener = null
    if (client) {
      try {
        client.release(true)
      } catch {
        // Released already (an error after stop): nothing to give back.
      }
    }
    if (!stopped && !reconnect) {
      reconnect = setTimeout(() => {
        reconnect = undefined
        void listen()
      }, delayMs)
    }
  }

  const listen = async () => {
    if (stopped) return
    let client: null | PoolClient = null
    try {
      client = await pool.connect()
      if (stopped) return client.release()
      const own = client
      listener = own
      // A listening connection never keeps a script alive (the pool's own clients time out).
      ;(own as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.()
      own.on('notification', (message: { channel: string }) => {
        if (message.channel === OUTBOX_CHANNEL) kick()
      })
      // The connection broke: drop it and listen on a fresh one.
      own.on('error', () => {
        if (listener === own) relisten(own, 1_000)
      })
      await own.query(`LISTEN ${OUTBOX_CHANNEL}`)
      kick() // what was committed before this instance listened
    } catch (error) {
      if (stopped) return
      payload.logger.error({
        err: error,
        msg: 'payload-newsroom: listening for invalidations failed, retrying',
      })
      // Given back, or a LISTEN refused (a standby after failover) would hold a pool connection each time.
      relisten(client, 5_000)
    }
  }

  const poll = setInterval(kick, settings.pollMs)
  poll.unref()
  void listen()

  return async () => {
    stopped = true
    clearInterval(poll)
    clearTimeout(reconnect)
    const client = listener
    listener = null
    try {
      client?.release(true)
    } catch {
      // Released already.
    }
    await draining
  }
}
