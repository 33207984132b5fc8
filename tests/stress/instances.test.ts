import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'

import { demoEditor } from '../../dev/seed/content.js'
import { createDatabaseOn } from '../helpers/instance.js'
import {
  buildProductionApp,
  prepareDevDatabase,
  type ProductionApp,
  startProductionApp,
} from '../helpers/productionApp.js'

// Two `next start` processes of the dev app's production build on one database, as behind a
// load balancer: what one instance decides, the other must respect.
let apps: ProductionApp[] = []
let db: pg.Pool
let token = ''

beforeAll(async () => {
  await buildProductionApp()
  const databaseUrl = await createDatabaseOn(inject('postgresServerUrl'))
  await prepareDevDatabase(databaseUrl)
  db = new pg.Pool({ connectionString: databaseUrl, max: 2 })
  apps = await Promise.all([startProductionApp(databaseUrl), startProductionApp(databaseUrl)])
  const login = await fetch(`${apps[0]!.origin}/api/users/login`, {
    body: JSON.stringify({ email: demoEditor.email, password: demoEditor.password }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })
  expect(login.status).toBe(200)
  token = ((await login.json()) as { token: string }).token
})

afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()))
  await db?.end()
})

const post = (app: ProductionApp, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.origin}/api${path}`, {
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
    method: 'POST',
  })

describe('two app instances on one database', () => {
  test('50 simultaneous creates with one title get 50 distinct slugs and no error', async () => {
    const title = 'Gleicher Titel aus zwei Instanzen'
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(
          apps[i % 2]!,
          '/articles?draft=true',
          { _status: 'draft', title },
          { authorization: `JWT ${token}` },
        ),
      ),
    )
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as {
      doc?: { slug: string }
    }[]
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201))
    const slugs = bodies.map((body) => body.doc?.slug)
    expect(new Set(slugs).size).toBe(50)
    expect(slugs).toContain('gleicher-titel-aus-zwei-instanzen')
    const { rows } = await db.query(
      `SELECT count(DISTINCT slug)::int AS n FROM articles WHERE slug LIKE 'gleicher-titel-aus-zwei-instanzen%'`,
    )
    expect(rows[0].n).toBe(50)
  })

  test('the comment flood limit holds across both instances: one comment waits, the rest is spam, every answer alike', async () => {
    const { rows } = await db.query(
      `SELECT id FROM articles WHERE _status = 'published' AND allow_comments ORDER BY id LIMIT 1`,
    )
    const article = rows[0].id as number
    const authorEmail = 'flut@example.com'
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        post(apps[i % 2]!, '/comments', {
          article,
          authorEmail,
          authorName: 'Flut',
          body: `Kommentar ${i} aus der Flut.`,
          consent: true,
        }),
      ),
    )
    // An email is private, so its floods change the stored status, never the answer.
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201))
    const stored = await db.query(
      'SELECT status, count(*)::int AS n FROM comments WHERE author_email = $1 GROUP BY status ORDER BY status',
      [authorEmail],
    )
    expect(stored.rows).toEqual([
      { n: 1, status: 'pending' },
      { n: 9, status: 'spam' },
    ])
  })
})
