import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'

import { demoEditor } from '../../dev/seed/content.js'
import { type EmbeddedServer, startEmbeddedPostgres } from '../helpers/embeddedPostgres.js'
import { createDatabaseOn } from '../helpers/instance.js'
import {
  buildProductionApp,
  prepareDevDatabase,
  type ProductionApp,
  startProductionApp,
} from '../helpers/productionApp.js'

// The app's own PostgreSQL, which this file stops and starts again while requests flow.
let cluster: EmbeddedServer
let databaseUrl: string
let app: ProductionApp
let token = ''
let slug = ''

beforeAll(async () => {
  cluster = await startEmbeddedPostgres({ quiet: true })
  await buildProductionApp()
  databaseUrl = await createDatabaseOn(cluster.serverUrl)
  await prepareDevDatabase(databaseUrl)
  app = await startProductionApp(databaseUrl)
  const login = await fetch(`${app.origin}/api/users/login`, {
    body: JSON.stringify({ email: demoEditor.email, password: demoEditor.password }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })
  token = ((await login.json()) as { token: string }).token
  const articles = await fetch(`${app.origin}/api/articles?limit=1&depth=0&sort=-publishedAt`)
  slug = ((await articles.json()) as { docs: { slug: string }[] }).docs[0]!.slug
})

afterAll(async () => {
  await app?.stop()
  await cluster?.stop().catch(() => {})
})

type Outcome = {
  /** The phase when the answer came; `phase` is the one the request started in. */
  endPhase: string
  error?: string
  id?: number
  kind: 'create' | 'read'
  ms: number
  phase: string
  status?: number
}

test('PostgreSQL stopped and restarted under traffic: fast 5xx, then service again, nothing half-written', async () => {
  const outcomes: Outcome[] = []
  let phase = 'before'
  let running = true
  let sequence = 0
  const request = async () => {
    sequence += 1
    const kind = sequence % 2 ? 'read' : 'create'
    const started = Date.now()
    const at = phase
    try {
      const response =
        kind === 'read'
          ? await fetch(`${app.origin}/api/newsroom/articles/${slug}`, {
              signal: AbortSignal.timeout(20_000),
            })
          : await fetch(`${app.origin}/api/articles?draft=true`, {
              body: JSON.stringify({ _status: 'draft', title: `Störung ${sequence}` }),
              headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
              method: 'POST',
              signal: AbortSignal.timeout(20_000),
            })
      const body = (await response.json().catch(() => ({}))) as { doc?: { id: number } }
      outcomes.push({
        endPhase: phase,
        id: body.doc?.id,
        kind,
        ms: Date.now() - started,
        phase: at,
        status: response.status,
      })
    } catch (error) {
      outcomes.push({ endPhase: phase, error: String(error), kind, ms: Date.now() - started, phase: at })
    }
  }
  // Four clients in a loop, each waiting for its answer before asking again.
  const clients = Array.from({ length: 4 }, async () => {
    while (running) {
      await request()
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  })
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

  try {
    await pause(2000)
    phase = 'stopping'
    await cluster.pause()
    phase = 'down'
    await pause(5000)
    phase = 'starting'
    await cluster.resume()
    phase = 'after'
    // The app must come back by itself, without a restart.
    const recovered = Date.now()
    while (Date.now() - recovered < 30_000) {
      const probe = await fetch(`${app.origin}/api/newsroom/articles/${slug}`, {
        signal: AbortSignal.timeout(5000),
      }).catch(() => null)
      if (probe?.status === 200) break
      await pause(250)
    }
    phase = 'recovered'
    await pause(2000)
  } finally {
    running = false
    await Promise.all(clients)
  }

  // Requests that started and were answered while the database was away.
  const during = outcomes.filter((outcome) => outcome.phase === 'down' && outcome.endPhase === 'down')
  const later = outcomes.filter((outcome) => outcome.phase === 'recovered')
  console.log(
    `requests: ${outcomes.length}; while down: ${during.length} ` +
      `(statuses ${JSON.stringify(countBy(during.map((o) => String(o.status ?? o.error))))}, slowest ${Math.max(...during.map((o) => o.ms))} ms); ` +
      `after recovery: ${JSON.stringify(countBy(later.map((o) => String(o.status ?? o.error))))}`,
  )
  // While the database is away every request is answered, quickly, with a server error.
  expect(during.length).toBeGreaterThan(0)
  expect(during.every((outcome) => outcome.status !== undefined && outcome.status >= 500)).toBe(true)
  expect(Math.max(...during.map((outcome) => outcome.ms))).toBeLessThan(10_000)
  // Afterwards the same process serves again.
  expect(app.alive()).toBe(true)
  expect(later.length).toBeGreaterThan(0)
  expect(later.every((outcome) => outcome.status === 200 || outcome.status === 201)).toBe(true)

  // Every create answered 201 is stored whole; nothing else was stored.
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const created = outcomes.filter((o) => o.kind === 'create' && o.status === 201).map((o) => o.id)
    const { rows } = await client.query<{ id: number; versions: number }>(
      `SELECT a.id, (SELECT count(*)::int FROM _articles_v v WHERE v.parent_id = a.id AND v.latest) AS versions
       FROM articles a WHERE a.title LIKE 'Störung %' ORDER BY a.id`,
    )
    // A create in flight when the server went down may have committed without its 201 reaching
    // the client: such rows may exist, at most one per create that ended in an error.
    const stored = rows.map((row) => row.id)
    const unanswered = outcomes.filter((o) => o.kind === 'create' && o.status !== 201).length
    expect(created.every((id) => stored.includes(id!))).toBe(true)
    expect(stored.length - created.length).toBeLessThanOrEqual(unanswered)
    expect(rows.every((row) => row.versions === 1)).toBe(true)
    const orphans = await client.query(
      `SELECT count(*)::int AS n FROM _articles_v v WHERE v.version_title LIKE 'Störung %'
       AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = v.parent_id)`,
    )
    expect(orphans.rows[0].n).toBe(0)
  } finally {
    await client.end()
  }
})

const countBy = (values: string[]) =>
  values.reduce<Record<string, number>>(
    (counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }),
    {},
  )
