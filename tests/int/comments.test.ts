import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { hashAddress } from '../../src/comments/moderation.js'
import { getArticlePage, type NewsroomArticle } from '../../src/index.js'
import { fixtures } from '../helpers/fixtures.js'
import { createReader, startPayload, startWithEditor } from '../helpers/payload.js'
import { errorPaths } from '../helpers/rest.js'

type Doc = Record<string, any>
const clientAddress = (req: { headers: Headers }) => req.headers.get('x-test-ip') ?? undefined

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let open: NewsroomArticle, closed: NewsroomArticle, draft: NewsroomArticle
let sequence = 0
beforeAll(async () => {
  ctx = await startWithEditor({
    plugin: {
      comments: { clientAddress, floodSeconds: 60, hashSecret: 'comment-hash-secret' },
      media: 'media',
    },
  })
  const create = fixtures(ctx.payload)
  open = await create.article({ title: 'Offen für Kommentare', _status: 'published' })
  closed = await create.article({
    title: 'Kommentare geschlossen',
    _status: 'published',
    allowComments: false,
  })
  draft = await create.article({ title: 'Noch ein Entwurf' }, { draft: true })
})
afterAll(async () => ctx?.stop())

/** A fresh sender each time, so flood control does not interfere unless a test wants it to. */
const submission = (extra: Record<string, unknown> = {}) => {
  sequence += 1
  return {
    article: open.id,
    authorName: 'Leserin',
    authorEmail: `leserin${sequence}@example.com`,
    body: `Ein Kommentar Nummer ${sequence}.`,
    consent: true,
    ...extra,
  }
}
const post = (body: unknown, ip = `198.51.100.${sequence % 250}`) =>
  ctx.rest.post('/comments', body, { headers: { 'x-test-ip': ip } })
const stored = async () =>
  Number((await ctx.query<{ n: string }>('SELECT count(*) AS n FROM comments'))[0]!.n)

describe('public submissions', () => {
  test('are accepted as pending, whatever status the client asks for; consentAt and a hash are set', async () => {
    const body = submission({ status: 'approved', consentAt: '2000-01-01T00:00:00.000Z', ipHash: 'chosen' })
    const response = await post(body, '203.0.113.9')
    expect(response.status).toBe(201)
    // The answer carries no verdict: a bot learns nothing from it.
    expect(response.json.doc.status).toBeUndefined()
    expect(response.json.doc.authorEmail).toBeUndefined()
    expect(response.json.doc.ipHash).toBeUndefined()
    const [row] = await ctx.query<Doc>('SELECT status, consent_at, ip_hash FROM comments WHERE id = $1', [
      response.json.doc.id,
    ])
    expect(row!.status).toBe('pending')
    expect(new Date(row!.consent_at).getFullYear()).toBeGreaterThan(2000)
    expect(row!.ip_hash).toBe(hashAddress('comment-hash-secret', '203.0.113.9'))
    expect(row!.ip_hash).not.toBe(hashAddress('newsroom-test-secret', '203.0.113.9'))
    expect(JSON.stringify(row)).not.toContain('203.0.113.9')
  })

  test.each([
    ['an old date', '2001-01-01T00:00:00.000Z', '203.0.113.60'],
    ['a future date', '2099-01-01T00:00:00.000Z', '203.0.113.61'],
  ])("createdAt and updatedAt are the server's, whatever the client sends (%s)", async (_, date, ip) => {
    const started = Date.now()
    const response = await post(submission({ createdAt: date, updatedAt: date }), ip)
    expect(response.status).toBe(201)
    const [row] = await ctx.query<Doc>('SELECT created_at, updated_at FROM comments WHERE id = $1', [
      response.json.doc.id,
    ])
    for (const stamp of [row!.created_at, row!.updated_at]) {
      expect(new Date(stamp).getTime()).toBeGreaterThanOrEqual(started - 1000)
      expect(new Date(stamp).getTime()).toBeLessThanOrEqual(Date.now() + 1000)
    }
    // So flood control sees it: the same address again is refused.
    expect((await post(submission({ createdAt: date }), ip)).status).toBe(429)
  })

  test.each([
    ['without consent', () => submission({ consent: false }), 'consent'],
    ['with a bad email', () => submission({ authorEmail: 'keine-adresse' }), 'authorEmail'],
    ['with a javascript: website', () => submission({ authorUrl: 'javascript:alert(1)' }), 'authorUrl'],
    ['with an oversized body', () => submission({ body: 'x'.repeat(5001) }), 'body'],
    ['with a 1 MB body', () => submission({ body: 'x'.repeat(1024 * 1024) }), 'body'],
    ['with an over-long name', () => submission({ authorName: 'n'.repeat(101) }), 'authorName'],
    ['without a name', () => submission({ authorName: '' }), 'authorName'],
    ['on a draft article', () => submission({ article: draft.id }), 'article'],
    ['where comments are off', () => submission({ article: closed.id }), 'article'],
    ['on an unknown article', () => submission({ article: 999999 }), 'article'],
    ['with a NUL byte', () => submission({ body: 'a\u0000b' }), 'body'],
  ])('%s: 400 naming the field, nothing stored', async (_, body, path) => {
    const before = await stored()
    const response = await post(body())
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toContain(path)
    expect(await stored()).toBe(before)
  })

  test('a filled honeypot is answered 201 like any comment and stored as spam', async () => {
    const honeypot = await post(submission({ website_hp: 'https://spam.example' }))
    const plain = await post(submission())
    expect(honeypot.status).toBe(201)
    expect(Object.keys(honeypot.json.doc).sort()).toEqual(Object.keys(plain.json.doc).sort())
    expect(honeypot.text).not.toContain('spam')
    const [row] = await ctx.query<Doc>('SELECT status FROM comments WHERE id = $1', [honeypot.json.doc.id])
    expect(row!.status).toBe('spam')
  })

  test.each([
    ['on a draft article', () => ({ article: draft.id }), 'article'],
    ['where comments are off', () => ({ article: closed.id }), 'article'],
    ['without consent', () => ({ consent: false }), 'consent'],
    ['without a name', () => ({ authorName: '' }), 'authorName'],
  ])('a filled honeypot passes the same gates: %s is a 400, nothing stored', async (_, extra, path) => {
    const before = await stored()
    const response = await post(submission({ website_hp: 'bot', ...extra() }))
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toContain(path)
    expect(await stored()).toBe(before)
  })

  test('a filled honeypot is counted and refused by flood control like any comment', async () => {
    expect((await post(submission({ website_hp: 'bot' }), '192.0.2.140')).status).toBe(201)
    const before = await stored()
    expect((await post(submission({ website_hp: 'bot' }), '192.0.2.140')).status).toBe(429)
    expect((await post(submission(), '192.0.2.140')).status).toBe(429)
    expect(await stored()).toBe(before)
  })
})

describe('a save for all locales at once', () => {
  test('?locale=all checks every value: an object name or an over-long body is a 400, nothing stored', async () => {
    for (const extra of [
      { authorName: { x: 1 } },
      { body: { y: 'x'.repeat(200_000) } },
      { body: 'x'.repeat(200_000) },
    ]) {
      const before = await stored()
      const response = await ctx.rest.post('/comments?locale=all', submission(extra), {
        headers: { 'x-test-ip': `198.18.0.${++sequence % 250}` },
      })
      expect(response.status).toBe(400)
      expect(await stored()).toBe(before)
    }
  })
})

describe('flood control', () => {
  // An email is private: no answer may depend on whether it commented (a 409 or 429 for a guessed
  // address would tell). Its repeats are stored as spam instead, and only the sender's own
  // address is refused with 429.
  const statusOf = async (id: number) =>
    (await ctx.query<Doc>('SELECT status FROM comments WHERE id = $1', [id]))[0]!.status

  test('the same body again from the same email on the same article is answered alike and stored as spam', async () => {
    const first = submission()
    const original = await post(first)
    expect(original.status).toBe(201)
    const again = await post(first, '192.0.2.200')
    expect(again.status).toBe(201)
    expect(Object.keys(again.json.doc).sort()).toEqual(Object.keys(original.json.doc).sort())
    expect(await statusOf(original.json.doc.id)).toBe('pending')
    expect(await statusOf(again.json.doc.id)).toBe('spam')
  })

  test('another comment from the same email within floodSeconds is answered alike and stored as spam', async () => {
    const first = submission()
    expect((await post(first)).status).toBe(201)
    const second = await post({ ...submission(), authorEmail: first.authorEmail }, '192.0.2.201')
    const stranger = await post(submission(), '192.0.2.202')
    expect(second.status).toBe(stranger.status)
    expect(Object.keys(second.json.doc).sort()).toEqual(Object.keys(stranger.json.doc).sort())
    expect(await statusOf(second.json.doc.id)).toBe('spam')
    expect(await statusOf(stranger.json.doc.id)).toBe('pending')
  })

  test('a probe that fails validation answers alike whether or not the guessed email wrote a public comment', async () => {
    const author = submission({ body: 'Öffentlicher Text zum Raten' })
    const created = await post(author, '192.0.2.210')
    await ctx.query(`UPDATE comments SET status = 'approved' WHERE id = $1`, [created.json.doc.id])
    const before = await stored()
    const probe = (email: string, ip: string) => post({ ...author, authorEmail: email, authorName: '' }, ip)
    const right = await probe(author.authorEmail, '192.0.2.211')
    const wrong = await probe('niemand@example.com', '192.0.2.212')
    expect([right.status, wrong.status]).toEqual([400, 400])
    expect(right.text).toBe(wrong.text)
    expect(await stored()).toBe(before)
  })

  test('another comment from the same address within floodSeconds is 429', async () => {
    expect((await post(submission(), '192.0.2.50')).status).toBe(201)
    expect((await post(submission(), '192.0.2.50')).status).toBe(429)
  })

  test('simultaneous submissions of one sender (address and email): exactly one gets through', async () => {
    const email = `gleichzeitig${Date.now()}@example.com`
    const before = await stored()
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        post(submission({ authorEmail: email, body: `Gleichzeitig ${index}` }), '192.0.2.77'),
      ),
    )
    const statuses = responses.map((response) => response.status).sort()
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status === 429)).toHaveLength(7)
    expect(await stored()).toBe(before + 1)
  })

  test('one email from two app instances at once: every answer alike, one comment waits for moderation, the rest is spam', async () => {
    const second = await startPayload({
      databaseUrl: ctx.databaseUrl,
      key: 'second',
      plugin: {
        comments: { clientAddress, floodSeconds: 60, hashSecret: 'comment-hash-secret' },
        media: 'media',
      },
    })
    try {
      const email = `zwei-instanzen${Date.now()}@example.com`
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, index) =>
          (index % 2 ? second.payload : ctx.payload).create({
            collection: 'comments',
            data: submission({ authorEmail: email, body: `Instanz ${index}` }),
            overrideAccess: false,
          }),
        ),
      )
      for (const result of results) expect((result as Doc).status).toBeUndefined()
      const rows = await ctx.query<Doc>('SELECT status FROM comments WHERE author_email = $1', [email])
      expect(rows.map((row) => row.status).sort()).toEqual([
        'pending',
        'spam',
        'spam',
        'spam',
        'spam',
        'spam',
      ])
    } finally {
      await second.stop()
    }
  })
})

describe('privacy', () => {
  let approved: Doc
  beforeAll(async () => {
    const response = await post(
      submission({ authorEmail: 'geheim@example.com', body: 'Öffentlich sichtbar' }),
      '192.0.2.99',
    )
    approved = (await ctx.payload.update({
      id: response.json.doc.id,
      collection: 'comments',
      data: { status: 'approved' },
    })) as Doc
    // A second approved comment, without an address hash (no client address known): a filter
    // on either private field that worked would then change the count either way.
    const other = await ctx.rest.post('/comments', submission({ body: 'Auch sichtbar' }))
    await ctx.payload.update({
      id: other.json.doc.id,
      collection: 'comments',
      data: { status: 'approved' },
    })
  })

  test('anonymous readers see approved comments only, without email or address hash', async () => {
    const response = await ctx.rest.get('/comments?limit=100')
    expect(response.status).toBe(200)
    expect(response.json.docs.map((doc: Doc) => doc.status)).toEqual(response.json.docs.map(() => 'approved'))
    expect(response.json.docs.map((doc: Doc) => doc.id)).toContain(approved.id)
    expect(JSON.stringify(response.json)).not.toContain('geheim@example.com')
    for (const doc of response.json.docs) {
      expect(doc.authorEmail).toBeUndefined()
      expect(doc.ipHash).toBeUndefined()
    }
  })

  test.each([
    ['equals', 'where[authorEmail][equals]=geheim@example.com'],
    ['equals, no match', 'where[authorEmail][equals]=niemand@example.com'],
    ['like', 'where[authorEmail][like]=geheim'],
    ['exists', 'where[ipHash][exists]=true'],
    ['exists false', 'where[ipHash][exists]=false'],
    ['in', 'where[authorEmail][in]=geheim@example.com'],
    ['or', 'where[or][0][authorEmail][equals]=geheim@example.com'],
  ])('filtering on private fields (%s) tells nothing', async (_, query) => {
    const response = await ctx.rest.get(`/comments?${query}`)
    const all = await ctx.rest.get('/comments')
    expect(all.json.totalDocs).toBeGreaterThanOrEqual(2)
    if (response.status === 200) expect(response.json.totalDocs).toBe(all.json.totalDocs)
    else expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.text).not.toContain('geheim@example.com')
  })

  test.each([
    ['equals', '{ authorEmail: { equals: "geheim@example.com" } }'],
    ['equals, no match', '{ authorEmail: { equals: "niemand@example.com" } }'],
    ['like', '{ authorEmail: { like: "geheim" } }'],
    ['exists', '{ ipHash: { exists: true } }'],
    ['in', '{ authorEmail: { in: ["geheim@example.com"] } }'],
    ['or', '{ OR: [{ authorEmail: { equals: "geheim@example.com" } }] }'],
  ])('filtering on private fields over GraphQL (%s) tells nothing', async (_, where) => {
    const all = await ctx.rest.graphql('{ Comments { totalDocs } }')
    expect(all.json.data.Comments.totalDocs).toBeGreaterThanOrEqual(2)
    const response = await ctx.rest.graphql(`{ Comments(where: ${where}) { totalDocs docs { id } } }`)
    if (response.json.errors) expect(response.json.data?.Comments ?? null).toBeNull()
    else expect(response.json.data.Comments.totalDocs).toBe(all.json.data.Comments.totalDocs)
    expect(JSON.stringify(response.json)).not.toContain('geheim@example.com')
  })

  test('sort and select on private fields leak nothing', async () => {
    for (const query of [
      'sort=authorEmail',
      'sort=-ipHash',
      'select[authorEmail]=true&select[ipHash]=true',
    ]) {
      const response = await ctx.rest.get(`/comments?${query}`)
      expect(response.text).not.toContain('geheim@example.com')
      for (const doc of response.json.docs ?? []) expect(doc.authorEmail).toBeUndefined()
    }
  })

  test('GraphQL and the Local API with overrideAccess false leak nothing', async () => {
    const response = await ctx.rest.graphql('{ Comments { docs { id authorEmail ipHash } } }')
    expect(JSON.stringify(response.json)).not.toContain('geheim@example.com')
    const local = await ctx.payload.find({ collection: 'comments', depth: 2, overrideAccess: false })
    for (const doc of local.docs as Doc[]) {
      expect(doc.authorEmail).toBeUndefined()
      expect(doc.ipHash).toBeUndefined()
    }
  })

  test('editors see everything; duplicating a comment is disabled', async () => {
    const response = await ctx.rest.get(`/comments/${approved.id}`, { token: ctx.token })
    expect(response.json.authorEmail).toBe('geheim@example.com')
    const duplicate = await ctx.rest.post(`/comments/${approved.id}/duplicate`, {}, { token: ctx.token })
    expect(duplicate.status).toBeGreaterThanOrEqual(400)
  })

  test('no collection joins or relates to comments, so no join or populated document can carry one', async () => {
    // Payload's own document locks point at every collection; they are tested below.
    const pointsAtComments = ctx.payload.config.collections
      .filter((collection) => collection.slug !== 'payload-locked-documents')
      .flatMap((collection) =>
        collection.flattenedFields
          .filter(
            (field) =>
              (field.type === 'join' && field.collection === 'comments') ||
              ((field.type === 'relationship' || field.type === 'upload') &&
                [field.relationTo].flat().includes('comments')),
          )
          .map((field) => `${collection.slug}.${field.name}`),
      )
    // A reply's `parent` is the one exception, and only editors can read (or query) it.
    expect(pointsAtComments).toEqual(['comments.parent'])
    const anonymousList = await ctx.rest.get('/comments?depth=3')
    expect(anonymousList.json.docs.length).toBeGreaterThan(0)
    expect(anonymousList.text).not.toContain('"parent"')
    expect((await ctx.rest.get('/comments?where[parent][exists]=true')).status).toBeGreaterThanOrEqual(400)
    // Deep reads from both sides, with their joins, as anonymous readers.
    for (const path of [
      `/articles/${open.id}?depth=3`,
      '/articles?depth=3&joins[relatedLinks][limit]=10',
      '/comments?depth=3',
      `/comments/${approved.id}?depth=3`,
    ]) {
      const response = await ctx.rest.get(path)
      expect(response.status, path).toBe(200)
      expect(response.text, path).not.toContain('geheim@example.com')
      expect(response.text, path).not.toMatch(/ipHash|authorEmail/)
    }
  })

  test('a lock on a comment, populated for a logged-in reader, carries none of its private fields', async () => {
    await ctx.payload.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: 'comments', value: approved.id },
        user: { relationTo: 'users', value: ctx.editor.id },
      },
    })
    const reader = await createReader(ctx.payload)
    const token = await ctx.rest.login('readers', 'reader@newsroom.test', 'secret-password')
    for (const auth of [{ token }, { token: undefined }]) {
      const response = await ctx.rest.get('/payload-locked-documents?depth=2', auth)
      expect(response.text).not.toContain('geheim@example.com')
      expect(response.text).not.toMatch(/ipHash|authorEmail/)
    }
    const local = await ctx.payload.find({
      collection: 'payload-locked-documents',
      depth: 2,
      overrideAccess: false,
      user: reader,
    })
    expect(JSON.stringify(local)).not.toContain('geheim@example.com')
    // The reader does see the lock (Payload stores its document as a reference it does not populate).
    expect(local.docs[0]?.document).toMatchObject({ relationTo: 'comments' })
  })

  test('comments keep no versions: there is no version table and no versions endpoint', async () => {
    const tables = await ctx.query(`SELECT tablename FROM pg_tables WHERE tablename LIKE '%comments%'`)
    expect(tables.map((row) => row.tablename)).toEqual(['comments'])
    for (const token of [undefined, ctx.token]) {
      const response = await ctx.rest.get('/comments/versions', { token })
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.text).not.toContain('geheim@example.com')
    }
    const graphql = await ctx.rest.graphql('{ versionsComments { docs { id } } }', {}, { token: ctx.token })
    expect(graphql.json.errors?.[0]?.message).toMatch(/versionsComments/)
  })

  test('duplicating a comment is refused for everyone and stores nothing', async () => {
    const before = await ctx.query('SELECT count(*)::int AS n FROM comments')
    for (const token of [undefined, ctx.token]) {
      const response = await ctx.rest.post(`/comments/${approved.id}/duplicate`, {}, { token })
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.text).not.toContain('geheim@example.com')
    }
    const graphql = await ctx.rest.graphql(
      `mutation { duplicateComment(id: ${approved.id}) { id authorEmail } }`,
      {},
      { token: ctx.token },
    )
    expect(graphql.json.errors?.[0]?.message).toMatch(/duplicateComment/)
    expect(await ctx.query('SELECT count(*)::int AS n FROM comments')).toEqual(before)
  })

  test('readers cannot update or delete comments', async () => {
    expect((await ctx.rest.patch(`/comments/${approved.id}`, { body: 'geändert' })).status).toBe(403)
    expect((await ctx.rest.delete(`/comments/${approved.id}`)).status).toBe(403)
  })
})

describe('an article that is no longer published', () => {
  test('takes its approved comments out of public reads (REST, GraphQL, Local API), and back when republished', async () => {
    const article = await fixtures(ctx.payload).article({ _status: 'published', title: 'Bald zurückgezogen' })
    const response = await post(
      submission({ article: article.id, authorName: 'Sichtbar', body: 'Zurückgezogen?' }),
    )
    await ctx.query(`UPDATE comments SET status = 'approved' WHERE id = $1`, [response.json.doc.id])
    const id = response.json.doc.id
    const visible = async () => {
      const rest = await ctx.rest.get(`/comments?where[article][equals]=${article.id}`)
      const byID = await ctx.rest.get(`/comments/${id}`)
      const graphql = await ctx.rest.graphql(
        `{ Comments(where: { article: { equals: ${article.id} } }) { docs { id } } }`,
      )
      const local = await ctx.payload.find({
        collection: 'comments',
        overrideAccess: false,
        where: { id: { equals: id } },
      })
      return [rest.json.docs.length, byID.status, graphql.json.data.Comments.docs.length, local.docs.length]
    }
    expect(await visible()).toEqual([1, 200, 1, 1])
    await ctx.payload.update({ id: article.id, collection: 'articles', data: { _status: 'draft' } })
    expect(await visible()).toEqual([0, 404, 0, 0])
    expect((await ctx.rest.get(`/comments?where[authorName][equals]=Sichtbar`)).text).not.toContain(
      'Zurückgezogen?',
    )
    await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { _status: 'published' },
    })
    expect(await visible()).toEqual([1, 200, 1, 1])
  })
})

describe('retention and the page', () => {
  test('the retention job clears old address hashes only', async () => {
    const old = await post(submission(), '192.0.2.31')
    const recent = await post(submission(), '192.0.2.32')
    await ctx.query(`UPDATE comments SET created_at = now() - interval '40 days' WHERE id = $1`, [
      old.json.doc.id,
    ])
    await ctx.payload.jobs.queue({ input: {}, queue: 'newsroom', task: 'newsroomClearIpHashes' })
    await ctx.payload.jobs.run({ queue: 'newsroom' })
    const rows = await ctx.query<Doc>('SELECT id, ip_hash FROM comments WHERE id = ANY($1)', [
      [old.json.doc.id, recent.json.doc.id],
    ])
    const byID = Object.fromEntries(rows.map((row) => [row.id, row.ip_hash]))
    expect(byID[old.json.doc.id]).toBeNull()
    expect(byID[recent.json.doc.id]).toMatch(/^[0-9a-f]{64}$/)
  })

  test('the article page counts approved comments and opens the form', async () => {
    const page = (await getArticlePage({ payload: ctx.payload, slug: open.slug }))!
    const [row] = await ctx.query<{ n: string }>(
      `SELECT count(*) AS n FROM comments WHERE article_id = $1 AND status = 'approved'`,
      [open.id],
    )
    expect(page.comments).toMatchObject({ count: Number(row!.n), enabled: true })
    expect(page.comments.count).toBeGreaterThan(0)
    const closedPage = (await getArticlePage({ payload: ctx.payload, slug: closed.slug }))!
    expect(closedPage.comments.enabled).toBe(false)
  })
})

describe('post moderation', () => {
  let postModerated: Awaited<ReturnType<typeof startPayload>>
  let article: NewsroomArticle
  beforeAll(async () => {
    postModerated = await startPayload({
      key: 'post',
      plugin: { comments: { floodSeconds: 60, moderation: 'post' }, media: 'media' },
    })
    article = await fixtures(postModerated.payload).article({ title: 'Nachmoderiert', _status: 'published' })
  })
  afterAll(async () => postModerated?.stop())

  const create = (body: string, email: string) =>
    fixtures(postModerated.payload).comment(
      { article: article.id, authorName: 'A', authorEmail: email, body, consent: true },
      { overrideAccess: false },
    )
  const statusOf = async (doc: { id: number }) =>
    (await postModerated.query<Doc>('SELECT status FROM comments WHERE id = $1', [doc.id]))[0]!.status

  test('shows comments at once unless they carry too many links', async () => {
    expect(await statusOf(await create('Sofort sichtbar', 'a@example.com'))).toBe('approved')
    expect(
      await statusOf(await create('https://1.example https://2.example https://3.example', 'b@example.com')),
    ).toBe('pending')
  })

  test("a public body sent again with its author's email shows like with any other email: it confirms no author", async () => {
    const original = await create('Ein öffentlicher Satz', 'autorin@example.com')
    expect(await statusOf(original)).toBe('approved')
    await postModerated.query(`UPDATE comments SET created_at = now() - interval '1 hour' WHERE id = $1`, [
      original.id,
    ])
    const withAuthor = await create('Ein öffentlicher Satz', 'autorin@example.com')
    const withStranger = await create('Ein öffentlicher Satz', 'fremd@example.com')
    expect([await statusOf(withAuthor), await statusOf(withStranger)]).toEqual(['approved', 'approved'])
  })

  test('an email that floods waits for a moderator instead of showing (not spam: a real person may be behind it)', async () => {
    await create('Erster', 'eilig@example.com')
    expect(await statusOf(await create('Zweiter', 'eilig@example.com'))).toBe('pending')
  })
})
