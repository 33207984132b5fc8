// The dev app's production build (`next build` + `next start`), for the benchmark and the load
// tests. No vitest import, so plain scripts can use it.
import { type ChildProcess, spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withLexicalCondition } from '../../dev/processGuard.js'
import { freePort } from './embeddedPostgres.js'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** Next's build folder for the production build, apart from the dev servers' `.next` and `.next-e2e`. */
export const PRODUCTION_DIST_DIR = '.next-prod'

const nextBin = path.join(repoRoot, 'node_modules/next/dist/bin/next')
const baseEnv = { ...process.env, NEWSROOM_NEXT_DIST_DIR: PRODUCTION_DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' }

/**
 * Runs a command (in the repo unless `cwd` says otherwise); resolves with its output, rejects with
 * it when the exit code is not 0 or when it takes longer than `timeoutMs` (then it is killed).
 */
export const run = (
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 600_000,
  cwd = repoRoot,
): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.stdout.on('data', (chunk) => (output += String(chunk)))
    child.stderr.on('data', (chunk) => (output += String(chunk)))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve(output)
      else reject(new Error(`${command} ${args.join(' ')} exited ${code ?? signal}:\n${output.slice(-4000)}`))
    })
  })

/** `next build` of the dev app into PRODUCTION_DIST_DIR. */
export const buildProductionApp = () =>
  run(
    process.execPath,
    [nextBin, 'build', 'dev'],
    withLexicalCondition({ ...baseEnv, NODE_ENV: 'production' }),
  )

/** Resident memory of a process in MB, from /proc (Linux). */
export const rssMbOf = async (pid: number): Promise<number> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024
}

/** Schema and demo content in `databaseUrl`, through the dev config in development mode. */
export const prepareDevDatabase = (databaseUrl: string) =>
  run(
    'npx',
    ['tsx', 'tests/helpers/prepareDevDatabase.ts'],
    withLexicalCondition({ ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'development' }),
  )

export type ProductionApp = {
  /** Is the server process still running? */
  alive: () => boolean
  log: () => string
  origin: string
  pid: number
  stop: () => Promise<void>
}

/** `next start` on a free port against `databaseUrl`; resolves once the article API answers. */
export const startProductionApp = async (
  databaseUrl: string,
  timeoutMs = 120_000,
): Promise<ProductionApp> => {
  const port = await freePort()
  // Node runs Next's own entry directly, so `pid` is the server's process (for memory readings).
  const child: ChildProcess = spawn(process.execPath, [nextBin, 'start', 'dev', '--port', String(port)], {
    cwd: repoRoot,
    detached: true,
    // PORT: nextInvalidate posts to the app's own port (dev/payload.config.ts).
    env: withLexicalCondition({
      ...baseEnv,
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      PORT: String(port),
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += String(chunk)))
  child.stderr?.on('data', (chunk) => (output += String(chunk)))
  // The whole process group, so nothing Next started outlives the test; gone already is fine.
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // The group has already exited.
    }
  }
  const stop = async () => {
    if (!child.pid) return
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      signalGroup('SIGTERM')
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
    }
    signalGroup('SIGKILL')
  }
  const origin = `http://localhost:${port}`
  const started = Date.now()
  for (;;) {
    if (child.exitCode !== null || Date.now() - started > timeoutMs) {
      await stop()
      throw new Error(`next start did not come up:\n${output.slice(-3000)}`)
    }
    const answered = await fetch(`${origin}/api/articles?limit=1&depth=0`, {
      signal: AbortSignal.timeout(10_000),
    }).then(
      (response) => response.ok,
      () => false,
    )
    if (answered) break
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return {
    alive: () => child.exitCode === null && child.signalCode === null,
    log: () => output,
    origin,
    pid: child.pid!,
    stop,
  }
}
