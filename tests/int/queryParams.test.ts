import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { fixtures } from '../helpers/fixtures.js'
import { startWithEditor } from '../helpers/payload.js'
import { errorPaths } from '../helpers/rest.js'

/** `{ or: [{ or: [ ... { id: { exists: true } } ] }] }`, `depth` levels deep. */
const nestedOr = (depth: number): Record<string, unknown> => {
  let where: Record<string, unknown> = { id: { exists: true } }
  for (let level = 0; level < depth; level++) where = { or: [where] }
  return where
}

// The query-parameter catalogue: every parameter Payload's REST API and GraphQL accept, sent by an
// anonymous client to every plugin collection. Nothing answers 500, no answer holds more than
// `maxLimit` documents (here 3, with 5 of each kind stored), and a bad page is a 400 naming it.
describe('query parameters', () => {
  const MAX = 3
  let q: Awaited<ReturnType<typeof startWithEditor>>
  let withLinks: number
  beforeAll(async () => {
    q = await startWithEditor({ plugin: { maxLimit: MAX, media: 'media' } })
    const create = fixtures(q.payload)
    const articles: number[] = []
    for (let n = 0; n < 6; n++)
      articles.push((await create.article({ _status: 'published', title: `Artikel ${n}` })).id)
    withLinks = articles[0]!
    for (let n = 1; n < 6; n++) {
      await create.region({ name: `Region ${n}`, type: 'other' })
      await create.author({ name: `Autor ${n}` })
      await create.sponsor({ name: `Sponsor ${n}`, url: `https://s${n}.example` })
      await create.relatedLink({ article: withLinks, target: articles[n], type: 'internal' })
      await create.comment({
        article: withLinks,
        authorEmail: `c${n}@example.com`,
        authorName: 'C',
        body: `Kommentar ${n}`,
        consent: true,
      })
    }
    await q.query(`UPDATE comments SET status = 'approved'`)
  })
  afterAll(async () => q?.stop())

  const COLLECTIONS = ['articles', 'authors', 'regions', 'sponsors', 'related-links', 'comments']
  const LIMITS = ['-1', '-5', '0', '2.5', '1e9', 'abc', String(MAX + 1), '-0.5', 'Infinity', 'NaN']

  test.each(COLLECTIONS.flatMap((collection) => LIMITS.map((limit) => [collection, limit])))(
    '%s?limit=%s answers at most maxLimit documents',
    async (collection, limit) => {
      const response = await q.rest.get(`/${collection}?limit=${limit}&depth=0`)
      expect(response.status).toBe(200)
      expect(response.json.docs.length).toBeGreaterThan(0)
      expect(response.json.docs.length).toBeLessThanOrEqual(MAX)
    },
  )

  test.each(
    COLLECTIONS.flatMap((collection) => ['-1', '0', '2.5', '1e20', 'abc'].map((page) => [collection, page])),
  )('%s?page=%s is a 400 naming page', async (collection, page) => {
    const response = await q.rest.get(`/${collection}?page=${page}`)
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['page'])
  })

  test('pagination=false gets one page of at most maxLimit', async () => {
    const response = await q.rest.get('/regions?pagination=false&limit=-1')
    expect(response.json.docs.length).toBe(MAX)
  })

  test.each([
    ['{ Regions(limit: -5) { docs { id } } }', 'Regions'],
    ['{ Regions(limit: 0) { docs { id } } }', 'Regions'],
    ['{ Sponsors(limit: 1000000) { docs { id } } }', 'Sponsors'],
    ['{ Articles(limit: -1) { docs { id } } }', 'Articles'],
  ])('GraphQL %s answers at most maxLimit documents', async (query, name) => {
    const response = await q.rest.graphql(query)
    expect(response.json.errors).toBeUndefined()
    expect(response.json.data[name].docs.length).toBeLessThanOrEqual(MAX)
  })

  test('GraphQL page -1 is refused by the page rule', async () => {
    const response = await q.rest.graphql('{ Regions(page: -1) { docs { id } } }')
    expect(response.json.errors?.[0]?.message).toMatch(/page/)
    expect(JSON.stringify(response.json.errors)).toMatch(/whole number from 1 to 100000/)
    expect(response.json.data?.Regions ?? null).toBeNull()
  })

  test.each(['-1', '0', '1000', 'abc'])(
    'a join list with limit %s holds at most maxLimit documents',
    async (limit) => {
      const response = await q.rest.get(`/articles/${withLinks}?depth=0&joins[relatedLinks][limit]=${limit}`)
      expect(response.status).toBe(200)
      expect(response.json.relatedLinks.docs.length).toBeGreaterThan(0)
      expect(response.json.relatedLinks.docs.length).toBeLessThanOrEqual(MAX)
    },
  )

  test('a join list the request does not name holds at most maxLimit documents', async () => {
    const response = await q.rest.get(`/articles/${withLinks}?depth=0`)
    expect(response.json.relatedLinks.docs.length).toBe(MAX)
    const list = await q.rest.get(`/articles?depth=0&where[id][equals]=${withLinks}`)
    expect(list.json.docs[0].relatedLinks.docs.length).toBe(MAX)
  })

  test('a join list with page -1 is a 400 naming it', async () => {
    const response = await q.rest.get(`/articles/${withLinks}?joins[relatedLinks][page]=-1`)
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['joins.relatedLinks.page'])
  })

  test.each(COLLECTIONS)('%s: a NUL character in where or sort is a 400 naming it', async (collection) => {
    const where = await q.rest.get(`/${collection}?where[id][equals]=1%00`)
    expect(where.status).toBe(400)
    expect(errorPaths(where)).toEqual(['where'])
    const sort = await q.rest.get(`/${collection}?sort=id%00`)
    expect(sort.status).toBe(400)
    expect(errorPaths(sort)).toEqual(['sort'])
  })

  test.each(
    COLLECTIONS.flatMap((collection) => ['abc', '99999999999', '-1', '1.5'].map((id) => [collection, id])),
  )('%s/%s (no such id) is a 404, not a 500', async (collection, id) => {
    expect((await q.rest.get(`/${collection}/${id}`)).status).toBe(404)
  })

  test.each(
    COLLECTIONS.flatMap((collection) =>
      [
        'depth=-1',
        'depth=1000',
        'depth=abc',
        'select[id]=true',
        'select[nonsense]=true',
        'populate[articles][title]=true',
        'draft=true',
        'draft=abc',
        'joins=false',
        'sort=-nonsense',
        'where[nonsense][equals]=1',
        'where[or][0][and][0][id][exists]=true',
        'locale=constructor',
        'locale=__proto__',
        'locale=toString',
        'locale=x',
        `locale=${'a'.repeat(300)}`,
        'fallback-locale=constructor',
      ].map((query) => [collection, query]),
    ),
  )('%s?%s never answers 500 and never more than maxLimit', async (collection, query) => {
    const response = await q.rest.get(`/${collection}?${query}`)
    expect(response.status).toBeLessThan(500)
    if (response.status === 200) expect(response.json.docs.length).toBeLessThanOrEqual(MAX)
  })

  test.each([
    ['comments', 'where[article][equals]=99999999999'],
    ['articles', 'where[id][equals]=99999999999'],
    ['articles', 'where[id][in]=1,99999999999'],
    ['articles', 'where[regions][in]=99999999999'],
    ['related-links', 'where[target][in]=abc'],
    ['related-links', 'where[article][equals]=abc'],
    ['regions', 'where[parent][equals]=1e400'],
    ['articles', 'where[publishedAt][greater_than]=20000'],
    ['articles', 'where[publishedAt][less_than]=-010000-01-01T00:00:00Z'],
    ['articles', 'where[id][equals][a]=1'],
    ['articles', 'where[id][equals][0]=1&where[id][equals][1]=2'],
    ['comments', 'where[article][equals][a]=1'],
    ['sponsors', 'where[priority][equals][a]=1'],
    ['sponsors', 'where[priority][greater_than]=hoch'],
    ['articles', 'where[or][0][title][like][x]=1'],
    ['articles', 'where[and][0][or][0][publishedAt][equals]=gestern'],
    ['regions', 'where[parent.parent][equals]=99999999999'],
    ['articles', 'where[title][exists][a]=1'],
    ['articles', 'where[AND][0][id][equals]=99999999999'],
    ['articles', 'where[Or][0][publishedAt][equals]=20000'],
    ['articles', 'where[ai__reviewedBy][equals]=99999999999'],
    ['articles', 'where[dateline__date][equals]=20000'],
    ['articles', 'where[_id][equals]=abc'],
    ['articles', 'where[relatedLinks][equals]=99999999999'],
    ['articles', 'where[relatedLinks.target][in]=99999999999'],
    ['articles', 'where[relatedLinks.createdAt][equals]=20000'],
    ['articles', 'where[title][all]=a'],
    ['articles', 'where[id][all]=1'],
    ['articles', 'where[title][near]=1,2'],
    ['articles', 'where[title][within]=x'],
    ['articles', 'where[_status][equals]=x'],
    ['articles', 'where[source.kind][in]=a,b'],
    ['regions', 'where[type][equals]=x'],
    ['articles', 'where[paidContent][equals]=maybe'],
    ['sponsors', 'where[active][equals]=vielleicht'],
    ['articles', 'where[publishedAt][like]=2020'],
    ['articles', 'where[_status][like]=pub'],
    ['articles', 'where[paidContent][contains]=t'],
    ['articles', 'where[title][bogus]=1'],
    ['articles', `where=${encodeURIComponent('{"title":{"like":null}}')}`],
    ['articles', `where=${encodeURIComponent('{"title":{"like":5}}')}`],
    ['articles', `where=${encodeURIComponent(JSON.stringify(nestedOr(20)))}`],
    ['articles', `where[id][in]=${Array.from({ length: 1500 }, (_, n) => n + 1).join(',')}`],
  ])('%s?%s: a compared value the column cannot hold is a 400 naming where', async (collection, query) => {
    const response = await q.rest.get(`/${collection}?${query}`)
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['where'])
    // The count endpoint takes the same where.
    expect((await q.rest.get(`/${collection}/count?${query}`)).status).toBe(400)
  })

  test('a join list with such a where is a 400 naming it', async () => {
    const response = await q.rest.get(
      `/articles/${withLinks}?joins[relatedLinks][where][target][equals]=99999999999`,
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['joins.relatedLinks.where'])
  })

  test.each([
    '{ Articles(where: { AND: [{ id: { equals: 99999999999 } }] }) { docs { id } } }',
    '{ Articles(where: { OR: [{ regions: { equals: 99999999999 } }] }) { docs { id } } }',
    '{ Articles(where: { ai__reviewedBy: { equals: 99999999999 } }) { docs { id } } }',
    '{ Articles(where: { dateline__date: { equals: "0000-01-01T00:00:00Z" } }) { docs { id } } }',
    '{ Articles(where: { title: { all: ["a"] } }) { docs { id } } }',
  ])('GraphQL %s is refused, not a server error', async (query) => {
    const response = await q.rest.graphql(query)
    expect(response.json.data?.Articles ?? null).toBeNull()
    expect(JSON.stringify(response.json.errors)).not.toMatch(/Something went wrong/)
  })

  test('a where the guards do not know, refused by PostgreSQL, is a 400 and not a 500', async () => {
    // JSON fields are left to Payload, which sends `like` on a jsonb column to PostgreSQL (42883).
    const response = await q.rest.get('/regions?where[breadcrumbs][like]=abc')
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['where'])
  })

  test('values the columns hold still query as before', async () => {
    for (const query of [
      'where[id][in]=1,2',
      'where[publishedAt][greater_than]=2000-01-01',
      'where[title][like]=Artikel',
      'where[id][exists]=true',
      'where[regions][equals]=null',
      'where[AND][0][title][like]=Artikel',
      'where[_status][equals]=published',
      'where[paidContent][equals]=false',
      'where[dateline__date][exists]=false',
      'where[relatedLinks.target][in]=1,2',
      `where=${encodeURIComponent(JSON.stringify(nestedOr(10)))}`,
    ]) {
      expect((await q.rest.get(`/articles?${query}`)).status, query).toBe(200)
    }
  })

  test('bulk updates and deletes by editors check where the same way, and change nothing', async () => {
    const before = await q.query('SELECT id, title FROM articles ORDER BY id')
    for (const where of ['where[title][equals]=a%00b', 'where[id][equals]=99999999999']) {
      const update = await q.rest.patch(`/articles?${where}`, { subtitle: 'x' }, { token: q.token })
      const remove = await q.rest.delete(`/articles?${where}`, { token: q.token })
      expect([update.status, remove.status], where).toEqual([400, 400])
    }
    expect(await q.query('SELECT id, title FROM articles ORDER BY id')).toEqual(before)
  })
})
