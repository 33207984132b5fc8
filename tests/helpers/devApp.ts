import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'

import { lexicalCondition } from '../../dev/processGuard.js'
import { freePort } from './embeddedPostgres.js'

export type DevApp = { log: () => string; origin: string; stop: () => Promise<void> }

/**
 * The dev app as `npm run dev` starts it (Next dev server, schema push, demo seed), on its own
 * port, its own fresh database on the test run's PostgreSQL, and its own Next build folder.
 * Started once per browser test file and shared by its tests.
 */
export const startDevApp = async (timeoutMs = 300_000): Promise<DevApp> => {
  const server = inject('postgresServerUrl')
  const name = `newsroom_e2e_${randomBytes(4).toString('hex')}`
  const client = new pg.Client({ connectionString: server })
  await client.connect()
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
  const port = await freePort()
  const child: ChildProcess = spawn(
    process.execPath,
    [lexicalCondition(), '--import', 'tsx', 'dev/server.ts'],
    {
      detached: true,
      env: {
        ...process.env,
        DATABASE_URL: new URL(name, server).toString(),
        NEWSROOM_NEXT_DIST_DIR: '.next-e2e',
        NODE_ENV: 'development',
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout?.on('data', (chunk) => (output += String(chunk)))
  child.stderr?.on('data', (chunk) => (output += String(chunk)))
  // A child ended by a signal has a signalCode and no exitCode.
  const running = () => child.exitCode === null && child.signalCode === null
  const stop = async () => {
    if (!running() || !child.pid) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    process.kill(-child.pid, 'SIGINT')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))])
    if (running()) process.kill(-child.pid, 'SIGKILL')
  }
  const started = Date.now()
  while (!output.includes('[newsroom] ready')) {
    if (!running() || Date.now() - started > timeoutMs) {
      await stop()
      throw new Error(`the dev app did not start:\n${output.slice(-3000)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return { log: () => output, origin: `http://localhost:${port}`, stop }
}
