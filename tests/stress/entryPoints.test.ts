// Each script a user or CI runs, started ENTRY_POINT_RUNS times in a row: every run must end by
// itself, with status 0 and its effect. An early exit, a non-zero status or a hang (a run over its
// time limit) fails. The causes these guard against are in docs/silent-exits.md; the fresh app's
// `payload migrate:status` runs are in freshApp.test.ts.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { freePort } from '../helpers/embeddedPostgres.js'
import { ENTRY_POINT_RUNS } from '../helpers/entryPointRuns.js'
import { repoRoot } from '../helpers/productionApp.js'

const RUNS = ENTRY_POINT_RUNS

type Run = { code: null | number; ms: number; output: string; signal: null | string; timedOut: boolean }

/** Starts a command in its own process group; `stopWith` sends a signal once `until` sees its output. */
const start = (
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  {
    leaderOnly = false,
    stopWith,
    until,
  }: { leaderOnly?: boolean; stopWith?: NodeJS.Signals; until?: (output: string) => boolean } = {},
): Promise<Run> =>
  new Promise((resolve) => {
    const started = Date.now()
    const child: ChildProcess = spawn(command, args, { cwd: repoRoot, detached: true, env })
    let output = ''
    let timedOut = false
    let signalled = false
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal)
      } catch {
        // Already gone.
      }
    }
    const timer = setTimeout(() => {
      timedOut = true
      kill('SIGKILL')
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      output += String(chunk)
      if (stopWith && !signalled && until?.(output)) {
        signalled = true
        if (leaderOnly) child.kill(stopWith)
        else kill(stopWith)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      // Whatever it left running (a server of its own) goes with it, so the next run starts clean.
      kill('SIGKILL')
      resolve({ code, ms: Date.now() - started, output, signal, timedOut })
    })
  })

/** Runs `once` RUNS times in a row; each must pass `check`. Prints each run's status and time. */
const inARow = async (name: string, once: (index: number) => Promise<Run>, check: (run: Run) => void) => {
  const times: number[] = []
  for (let index = 0; index < RUNS; index += 1) {
    const run = await once(index)
    times.push(run.ms)
    const problem = run.timedOut
      ? 'did not end in time (a hang)'
      : run.code !== 0
        ? `ended with ${run.code ?? run.signal}`
        : null
    let failure = problem
    if (!failure) {
      try {
        check(run)
      } catch (error) {
        failure = `no effect (${String(error)})`
      }
    }
    if (failure) {
      // The output goes to the log, not into the error: vitest reads source-map comments in an error's text.
      console.error(`--- ${name}, run ${index + 1}: its output ---\n${run.output.slice(-4000)}`)
      throw new Error(`${name}, run ${index + 1} of ${RUNS}: ${failure}`)
    }
  }
  console.log(`${name}: ${RUNS} runs in a row, each ${Math.min(...times)}–${Math.max(...times)} ms`)
}

const portIsClosed = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), resolve(false)))
    socket.once('error', () => resolve(true))
  })

let scratch: string
let devScript: string
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'newsroom-entry-points-'))
  devScript = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')).scripts.dev
})
afterAll(async () => {
  await rm(scratch, { force: true, recursive: true })
})

describe(`every entry point runs to its end ${RUNS} times in a row`, () => {
  test(
    'npm run generate:types writes the types',
    async () => {
      const expected = await readFile(path.join(repoRoot, 'dev/payload-types.ts'), 'utf8')
      const out = (index: number) => path.join(scratch, `types-${index}.ts`)
      let last = 0
      await inARow(
        'npm run generate:types',
        (index) => (
          (last = index),
          start('npm', ['run', 'generate:types', '--', '--out', out(index)], process.env, 60_000)
        ),
        () => {
          expect(existsSync(out(last))).toBe(true)
        },
      )
      expect(await readFile(out(RUNS - 1), 'utf8')).toBe(expected)
    },
    RUNS * 60_000,
  )

  test(
    'the test helpers start PostgreSQL and Payload, save, and stop',
    async () => {
      await inARow(
        'the helpers round trip',
        () =>
          start(
            'npx',
            ['tsx', '--conditions=development', 'tests/stress/entryPoints/helperRoundTrip.ts'],
            process.env,
            120_000,
          ),
        (run) => expect(run.output).toContain('created ein-artikel-aus-dem-prozess'),
      )
    },
    RUNS * 120_000,
  )

  test(
    'npm run bench (quick, writes) writes its results',
    async () => {
      const results = (index: number) => path.join(scratch, `bench-${index}.json`)
      let last = 0
      await inARow(
        'npm run bench -- --quick --only=writes',
        (index) => (
          (last = index),
          start(
            'npm',
            ['run', 'bench', '--', '--quick', '--only=writes', `--results=${results(index)}`],
            { ...process.env, DATABASE_URL: '' },
            180_000,
          )
        ),
        () => {
          expect(existsSync(results(last))).toBe(true)
        },
      )
      const figures = JSON.parse(await readFile(results(RUNS - 1), 'utf8'))
      expect(figures).toMatchObject({ only: 'writes', quick: true })
      expect(figures.createRatioShort).toBeGreaterThan(0)
    },
    RUNS * 180_000,
  )

  test(
    // Alternately Ctrl-C (SIGINT to the whole group: PostgreSQL gets it too and stops by itself)
    // and SIGTERM to the dev server alone (it must stop PostgreSQL itself).
    'npm run dev starts with its own PostgreSQL, serves the seeded site, and stops on Ctrl-C or SIGTERM',
    async () => {
      const dataDir = path.join(repoRoot, '.data', 'stress-postgres')
      await rm(dataDir, { force: true, recursive: true })
      try {
        const pgPort = await freePort()
        await inARow(
          'npm run dev',
          async (index) => {
            const port = await freePort()
            // The script's own command, without npm and a shell between: Ctrl-C reaches the server as it would.
            const [command, ...args] = devScript.split(' ')
            expect(command).toBe('node')
            const run = await start(
              process.execPath,
              args,
              {
                ...process.env,
                DATABASE_URL: '',
                NEWSROOM_NEXT_DIST_DIR: '.next-e2e',
                NEWSROOM_PG_DATA_DIR: dataDir,
                NEWSROOM_PG_PORT: String(pgPort),
                NODE_ENV: 'development',
                PORT: String(port),
              },
              360_000,
              {
                leaderOnly: index % 2 === 1,
                stopWith: index % 2 === 1 ? 'SIGTERM' : 'SIGINT',
                until: (output) => output.includes('[newsroom] ready'),
              },
            )
            return { ...run, output: `${run.output}\npostgres stopped: ${await portIsClosed(pgPort)}` }
          },
          (run) => {
            expect(run.output).toContain('[newsroom] ready')
            expect(run.output).toMatch(/SIG(INT|TERM): stopping the dev server and PostgreSQL/)
            expect(run.output).toContain('postgres stopped: true')
          },
        )
      } finally {
        await rm(dataDir, { force: true, recursive: true })
      }
    },
    RUNS * 360_000,
  )
})
