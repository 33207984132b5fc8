import type { CollectionSlug, PayloadRequest } from 'payload'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { fixtures } from '../helpers/fixtures.js'
import { createReader, startWithEditor } from '../helpers/payload.js'
import { restClient } from '../helpers/rest.js'

// The access matrix: anonymous readers, logged-in readers (not editors) and editors × every plugin
// collection × find, findByID, count, create, update, delete × each state (draft/published,
// active/inactive, pending/approved), through REST, GraphQL and the Local API with
// `overrideAccess: false`. Expected outcomes stand in the table below; after every refused write
// the database is unchanged.
type Who = 'anonymous' | 'editor' | 'reader'
type Doc = { id: number }

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let reader: PayloadRequest['user']
let readerToken: string
const docs: Record<string, Doc> = {}

/** A throwaway document of the collection a matrix row is about. */
const createIn = async (collection: string, data: Record<string, unknown>) =>
  (await ctx.payload.create({ collection: collection as CollectionSlug, data })) as unknown as Doc

beforeAll(async () => {
  ctx = await startWithEditor({ plugin: { media: 'media' } })
  reader = await createReader(ctx.payload)
  readerToken = await ctx.rest.login('readers', 'reader@newsroom.test', 'secret-password')
  const create = fixtures(ctx.payload)
  docs.published = await create.article({ _status: 'published', title: 'Veröffentlicht' })
  docs.target = await create.article({ _status: 'published', title: 'Linkziel' })
  docs.draft = await create.article({ title: 'Entwurf' }, { draft: true })
  docs.region = await create.region({ name: 'Asien', type: 'continent' })
  docs.author = await create.author({ name: 'Aigerim Nurlanowa', user: ctx.editor.id })
  docs.active = await create.sponsor({ name: 'Aktiv', url: 'https://a.example' })
  docs.inactive = await create.sponsor({ active: false, name: 'Inaktiv', url: 'https://b.example' })
  docs.linkOfPublished = await create.relatedLink({
    article: docs.published.id,
    target: docs.target.id,
    type: 'internal',
  })
  docs.linkOfDraft = await create.relatedLink({
    article: docs.draft.id,
    target: docs.target.id,
    type: 'internal',
  })
  const comment = {
    article: docs.published.id,
    authorEmail: 'a@example.com',
    authorName: 'A',
    body: 'Text',
    consent: true,
  }
  docs.approved = await create.comment({ ...comment, body: 'Freigegeben' })
  docs.pending = await create.comment({ ...comment, authorEmail: 'b@example.com', body: 'Wartet' })
  // Created as pending by the hook whatever was asked; the matrix needs one approved.
  await ctx.query(`UPDATE comments SET status = 'approved' WHERE id = $1`, [docs.approved.id])
})
afterAll(async () => ctx?.stop())

/** Per collection: its documents by state, which of them anonymous readers may read, and a harmless update. */
const MATRIX: {
  collection: string
  /** GraphQL's plural name; the singular drops the final `s`. */
  graphql: string
  readable: Record<string, boolean>
  update: Record<string, unknown>
  /** A valid new document; `anyone` when anonymous readers may create it too. */
  created: (n: number) => Record<string, unknown>
  /**
   * What GraphQL's input types insist on besides, per state (the document's own values, so an
   * update changes nothing else): Payload marks required fields with a default, and groups
   * holding one, as required even in update inputs.
   */
  graphqlInput?: (state?: string) => Record<string, unknown>
  anyone?: boolean
}[] = [
  {
    collection: 'articles',
    created: (n) => ({ slug: '', title: `Neu ${n}` }),
    graphql: 'Articles',
    graphqlInput: () => ({ ai: { usage: 'none' }, source: { kind: 'staff' } }),
    readable: { draft: false, published: true },
    update: { subtitle: 'geändert' },
  },
  {
    collection: 'regions',
    created: (n) => ({ name: `Neu ${n}`, slug: '', type: 'other' }),
    graphql: 'Regions',
    readable: { region: true },
    update: { name: 'Asien neu' },
  },
  {
    collection: 'authors',
    created: (n) => ({ name: `Neu ${n}`, slug: '' }),
    graphql: 'Authors',
    graphqlInput: () => ({ kind: 'person' }),
    readable: { author: true },
    update: { role: 'Korrespondentin' },
  },
  {
    collection: 'sponsors',
    created: (n) => ({ name: `Neu ${n}`, url: 'https://c.example' }),
    graphql: 'Sponsors',
    graphqlInput: () => ({ placement: 'sidebar' }),
    readable: { active: true, inactive: false },
    update: { name: 'Neu' },
  },
  {
    collection: 'related-links',
    created: (n) => ({
      article: docs.published!.id,
      label: `Link ${n}`,
      type: 'external',
      url: `https://l.example/${n}`,
    }),
    graphql: 'RelatedLinks',
    readable: { linkOfDraft: false, linkOfPublished: true },
    update: { order: 5 },
  },
  {
    anyone: true,
    collection: 'comments',
    created: (n) => ({
      article: docs.published!.id,
      authorEmail: `neu${n}@example.com`,
      authorName: 'N',
      body: `Neu ${n}`,
      consent: true,
    }),
    graphql: 'Comments',
    graphqlInput: (state) => ({ status: state === 'approved' ? 'approved' : 'pending' }),
    readable: { approved: true, pending: false },
    update: { authorName: 'B' },
  },
]

let sequence = 0

const snapshot = async (collection: string) =>
  ctx.query(`SELECT * FROM ${collection.replace('-', '_')} ORDER BY id`)

const tokenOf = (who: Who) =>
  who === 'editor' ? { token: ctx.token } : who === 'reader' ? { token: readerToken } : {}
const userOf = (who: Who) =>
  who === 'editor' ? (ctx.editor as unknown as PayloadRequest['user']) : who === 'reader' ? reader : null

/** A GraphQL call's data, or null with the first error's message. */
const graphqlAs = async (who: Who, query: string, variables: Record<string, unknown> = {}) => {
  const response = await ctx.rest.graphql(query, variables, tokenOf(who))
  const error = response.json.errors?.[0]?.message as string | undefined
  return { data: error ? null : response.json.data, error }
}

/** Local API calls end as 'ok', or 'refused' when Payload answers 403 or 404; anything else is its status. */
const outcome = (call: Promise<unknown>) =>
  call.then(
    () => 'ok',
    (error: { status?: number }) =>
      [403, 404].includes(error.status ?? 0) ? 'refused' : `status ${error.status}`,
  )

describe.each(MATRIX)(
  '$collection',
  ({ anyone, collection, created, graphql, graphqlInput, readable, update }) => {
    const states = Object.keys(readable)
    const visibleTo = (who: Who) => states.filter((state) => who === 'editor' || readable[state])
    const singular = graphql.replace(/s$/, '')
    const slug = collection as CollectionSlug

    describe.each(['anonymous', 'reader', 'editor'] as Who[])('%s', (who) => {
      const mayWrite = who === 'editor'

      test('REST find, count and findByID show exactly the readable states', async () => {
        const rest = restClient(ctx.config)
        const ids = (state: string) => docs[state]!.id
        const found = await rest.get(`/${collection}?limit=100&depth=0`, tokenOf(who))
        const foundIDs = (found.json.docs as Doc[]).map((doc) => doc.id)
        for (const state of states)
          expect(foundIDs.includes(ids(state)), `${state} in find`).toBe(visibleTo(who).includes(state))
        const counted = await rest.get(`/${collection}/count`, tokenOf(who))
        expect(counted.json.totalDocs).toBe(foundIDs.length)
        for (const state of states) {
          const byID = await rest.get(`/${collection}/${ids(state)}?depth=0`, tokenOf(who))
          if (visibleTo(who).includes(state)) expect(byID.status, state).toBe(200)
          else expect([403, 404], state).toContain(byID.status)
        }
      })

      test('GraphQL find, count and findByID show the same', async () => {
        const { data } = await graphqlAs(
          who,
          `{ ${graphql}(limit: 100) { docs { id } totalDocs } count${graphql} { totalDocs } }`,
        )
        const listed = ((data?.[graphql]?.docs ?? []) as Doc[]).map((doc) => Number(doc.id))
        for (const state of states)
          expect(listed.includes(docs[state]!.id), state).toBe(visibleTo(who).includes(state))
        expect(data?.[`count${graphql}`]?.totalDocs).toBe(listed.length)
        for (const state of states) {
          const byID = await graphqlAs(who, `{ ${singular}(id: ${docs[state]!.id}) { id } }`)
          expect(Number(byID.data?.[singular]?.id ?? 0) === docs[state]!.id, state).toBe(
            visibleTo(who).includes(state),
          )
        }
      })

      test('the Local API with overrideAccess false applies the same rules', async () => {
        const as = { overrideAccess: false, user: userOf(who) } as const
        const found = await ctx.payload.find({ ...as, collection: slug, depth: 0, limit: 100 })
        const foundIDs = found.docs.map((doc) => (doc as unknown as Doc).id)
        for (const state of states)
          expect(foundIDs.includes(docs[state]!.id), state).toBe(visibleTo(who).includes(state))
        expect((await ctx.payload.count({ ...as, collection: slug })).totalDocs).toBe(foundIDs.length)
        for (const state of states) {
          const byID = await outcome(ctx.payload.findByID({ ...as, id: docs[state]!.id, collection: slug }))
          expect(byID, state).toBe(visibleTo(who).includes(state) ? 'ok' : 'refused')
        }
      })

      test('create over REST, GraphQL and the Local API: editors only (comments: anyone); a refusal stores nothing', async () => {
        const allowed = mayWrite || Boolean(anyone)
        const before = await snapshot(collection)
        const rest = await restClient(ctx.config).post(`/${collection}`, created(++sequence), tokenOf(who))
        const viaGraphql = await graphqlAs(
          who,
          `mutation ($data: mutation${singular}Input!) { create${singular}(data: $data) { id } }`,
          { data: { ...created(++sequence), ...graphqlInput?.() } },
        )
        const local = await outcome(
          ctx.payload.create({
            collection: slug,
            data: created(++sequence),
            overrideAccess: false,
            user: userOf(who),
          }),
        )
        expect(rest.status).toBe(allowed ? 201 : 403)
        expect(viaGraphql.error).toBe(allowed ? undefined : 'You are not allowed to perform this action.')
        expect(local).toBe(allowed ? 'ok' : 'refused')
        if (!allowed) expect(await snapshot(collection)).toEqual(before)
      })

      test('update over REST, GraphQL and the Local API: editors only; a refusal changes nothing', async () => {
        for (const state of states) {
          const id = docs[state]!.id
          const before = await snapshot(collection)
          const rest = await restClient(ctx.config).patch(`/${collection}/${id}`, update, tokenOf(who))
          const viaGraphql = await graphqlAs(
            who,
            `mutation ($data: mutation${singular}UpdateInput!) { update${singular}(id: ${id}, data: $data) { id } }`,
            { data: { ...update, ...graphqlInput?.(state) } },
          )
          const local = await outcome(
            ctx.payload.update({
              id,
              collection: slug,
              data: update,
              overrideAccess: false,
              user: userOf(who),
            }),
          )
          if (mayWrite) {
            expect([rest.status, viaGraphql.error, local], state).toEqual([200, undefined, 'ok'])
          } else {
            expect([403, 404], state).toContain(rest.status)
            expect(viaGraphql.error, state).toMatch(/not allowed|not found/i)
            expect(local, state).toBe('refused')
            expect(await snapshot(collection)).toEqual(before)
          }
        }
      })

      test('delete over REST, GraphQL and the Local API: editors only; a refusal changes nothing', async () => {
        if (mayWrite) {
          // Editors delete throwaway documents, one per channel, and each is gone.
          const [a, b, c] = await Promise.all([1, 2, 3].map(() => createIn(collection, created(++sequence))))
          const rest = await restClient(ctx.config).delete(`/${collection}/${a!.id}`, tokenOf(who))
          const viaGraphql = await graphqlAs(who, `mutation { delete${singular}(id: ${b!.id}) { id } }`)
          const local = await outcome(
            ctx.payload.delete({ id: c!.id, collection: slug, overrideAccess: false, user: userOf(who) }),
          )
          expect([rest.status, viaGraphql.error, local]).toEqual([200, undefined, 'ok'])
          const left = await ctx.query(`SELECT id FROM ${collection.replace('-', '_')} WHERE id = ANY($1)`, [
            [a!.id, b!.id, c!.id],
          ])
          expect(left).toEqual([])
          return
        }
        for (const state of states) {
          const id = docs[state]!.id
          const before = await snapshot(collection)
          const rest = await restClient(ctx.config).delete(`/${collection}/${id}`, tokenOf(who))
          const viaGraphql = await graphqlAs(who, `mutation { delete${singular}(id: ${id}) { id } }`)
          const local = await outcome(
            ctx.payload.delete({ id, collection: slug, overrideAccess: false, user: userOf(who) }),
          )
          expect([403, 404], state).toContain(rest.status)
          expect(viaGraphql.error, state).toMatch(/not allowed|not found/i)
          expect(local, state).toBe('refused')
          expect(await snapshot(collection)).toEqual(before)
        }
      })
    })
  },
)

// Sorting through a relationship orders by the related documents: Payload checks the sort path's
// field access, not the related collection's read access, so the order could tell the titles of
// unpublished articles or the names of inactive sponsors.
describe.each(['anonymous', 'reader', 'editor'] as Who[])('sorting through relationships, %s', (who) => {
  test.each([
    ['related-links', 'target.title'],
    ['related-links', '-article.title'],
    ['comments', 'article.title'],
    ['articles', 'sponsors.name'],
    ['articles', '-relatedLinks.label'],
  ])('%s?sort=%s: 400 naming sort unless an editor', async (collection, sort) => {
    const rest = await restClient(ctx.config).get(`/${collection}?sort=${sort}`, tokenOf(who))
    const viaJoin = await restClient(ctx.config).get(
      `/articles?joins[relatedLinks][sort]=target.title`,
      tokenOf(who),
    )
    // Payload cannot sort a join list through a relationship at all (a 500): refused for everyone.
    expect(viaJoin.status).toBe(400)
    if (who === 'editor') {
      expect(rest.status).toBe(200)
    } else {
      expect(rest.status).toBe(400)
      expect(rest.json.errors[0].data.errors[0].path).toBe('sort')
    }
  })

  test('sorting through a relationship into a fully public collection (regions) is allowed', async () => {
    expect((await restClient(ctx.config).get('/articles?sort=regions.name', tokenOf(who))).status).toBe(200)
  })
})

describe('filtering through relationships', () => {
  test("a filter on an unpublished link target's title finds nothing for anyone but editors", async () => {
    const link = await fixtures(ctx.payload).relatedLink({
      article: docs.published!.id,
      target: docs.draft!.id,
      type: 'internal',
    })
    try {
      for (const who of ['anonymous', 'reader', 'editor'] as Who[]) {
        const response = await restClient(ctx.config).get(
          '/related-links?where[target.title][equals]=Entwurf&depth=0',
          tokenOf(who),
        )
        const ids = (response.json.docs ?? []).map((doc: Doc) => doc.id)
        expect(ids.includes(link.id), who).toBe(who === 'editor')
      }
    } finally {
      await ctx.payload.delete({ id: link.id, collection: 'related-links' })
    }
  })
})
