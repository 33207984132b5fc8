import type { CollectionAfterChangeHook } from 'payload'

import { commitTransaction, createLocalReq, initTransaction } from 'payload'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import {
  getArticlePage,
  type InvalidateHandler,
  type Invalidation,
  type NewsroomArticle,
  type NewsroomRegion,
} from '../../src/index.js'
import { signInvalidation } from '../../src/cache/signature.js'
import { enqueueInvalidation } from '../../src/postgres/outbox.js'
import { fixtures, type Fixtures } from '../helpers/fixtures.js'
import { recordQueries } from '../helpers/instance.js'
import { startPayload, startWithEditor, type TestContext } from '../helpers/payload.js'

/** Every call an instance's `onInvalidate` got, in order. */
type Received = (Invalidation & { inRequest: boolean })[]

/** Tags the recording handler refuses whenever they come: a change that can never be sent. */
const poisoned = new Set<string>()

const recorder =
  (list: Received, fail: { times: number } = { times: 0 }): InvalidateHandler =>
  async (invalidation, { req }) => {
    if (fail.times > 0) {
      fail.times -= 1
      throw new Error('the cache is away')
    }
    if (invalidation.tags.some((tag) => poisoned.has(tag))) throw new Error('this one never goes')
    list.push({ ...invalidation, inRequest: Boolean(req) })
  }

const received: Received = []
const failing = { times: 0 }
// A host hook after the plugin's: it fails the save of a marked title, after the outbox row is written.
const failMarked: CollectionAfterChangeHook = ({ doc }) => {
  if (String(doc.title).includes('[rollback]')) throw new Error('the host refuses this save')
  return doc
}

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let create: Fixtures
let asia: NewsroomRegion, china: NewsroomRegion

/** Waits until a call from index `from` on satisfies `match` (the dispatcher runs on commit notifications). */
const arrival = async (
  list: Received,
  match: (call: Invalidation) => boolean,
  { from = 0, ms = 10_000 } = {},
) => {
  const started = Date.now()
  for (;;) {
    const found = list.slice(from).find(match)
    if (found) return found
    if (Date.now() - started > ms)
      throw new Error(`no invalidation arrived within ${ms} ms: ${JSON.stringify(list)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
const hasTag = (tag: string) => (call: Invalidation) => call.tags.includes(tag)

beforeAll(async () => {
  ctx = await startWithEditor({
    plugin: {
      collections: { articles: { hooks: { afterChange: [failMarked] } } },
      media: 'media',
      onInvalidate: recorder(received, failing),
    },
  })
  create = fixtures(ctx.payload)
  asia = await create.region({ name: 'Asien', type: 'continent' })
  china = await create.region({ name: 'China', type: 'country', isoCode: 'CN', parent: asia.id })
})

afterAll(async () => {
  await ctx?.stop()
})

describe('after a committed change, onInvalidate names what changed', () => {
  test('publishing names the article, the lists, the archives of its region line and its path', async () => {
    const article = await create.article({
      _status: 'published',
      regions: [china.id],
      title: 'Zug nach Urumqi',
    })
    const call = await arrival(received, hasTag(`newsroom:articles:${article.id}`))
    expect(call.tags).toEqual(
      expect.arrayContaining([
        'newsroom:list:articles',
        'newsroom:feed',
        'newsroom:sitemap',
        `newsroom:list:region:${china.id}`,
        `newsroom:list:region:${asia.id}`,
      ]),
    )
    expect(call.paths).toEqual(
      expect.arrayContaining([`/articles/${article.slug}`, '/regions/asien/china', '/regions/asien']),
    )
    expect(call.inRequest).toBe(false)
  })

  test('a draft that was never published names nothing', async () => {
    const draft = await create.article({ _status: 'draft', title: 'Nur ein Entwurf' }, { draft: true })
    const marker = await create.article({ _status: 'published', title: 'Danach veröffentlicht' })
    await arrival(received, hasTag(`newsroom:articles:${marker.id}`))
    expect(received.some(hasTag(`newsroom:articles:${draft.id}`))).toBe(false)
  })

  test('a rolled-back save sends nothing and leaves nothing in the outbox', async () => {
    const article = await create.article({ _status: 'published', title: 'Bleibt bestehen' })
    await arrival(received, hasTag(`newsroom:articles:${article.id}`))
    const before = received.length
    await expect(
      ctx.payload.update({ id: article.id, collection: 'articles', data: { title: 'Neu [rollback]' } }),
    ).rejects.toThrow(/refuses/)
    // A later change arrives; the rolled-back one never does.
    const marker = await create.article({ _status: 'published', title: 'Nach dem Rollback' })
    await arrival(received, hasTag(`newsroom:articles:${marker.id}`))
    expect(received.slice(before).some(hasTag(`newsroom:articles:${article.id}`))).toBe(false)
    // Its row went with the rollback (others may still wait for deletion: a row goes once its call returned).
    expect(
      await ctx.query('SELECT count(*)::int AS n FROM newsroom_invalidations WHERE tags ? $1', [
        `newsroom:articles:${article.id}`,
      ]),
    ).toEqual([{ n: 0 }])
    expect((await ctx.query('SELECT title FROM articles WHERE id = $1', [article.id]))[0]).toEqual({
      title: 'Bleibt bestehen',
    })
  })

  test("a save's outbox row goes in the message of its COMMIT; refused there, it fails the save", async () => {
    const statements = await recordQueries(() =>
      create.article({ _status: 'published', title: 'Mit dem Commit' }),
    )
    const inserts = statements.filter((text) => /INSERT INTO "newsroom_invalidations"/.test(text))
    expect(inserts).toHaveLength(1)
    expect(inserts[0]).toMatch(/;\s*commit\s*$/i)

    await ctx.query(
      `ALTER TABLE newsroom_invalidations ADD CONSTRAINT refuse_marked CHECK (NOT paths ? '/articles/abgelehnt')`,
    )
    try {
      await expect(create.article({ _status: 'published', title: 'Abgelehnt' })).rejects.toThrow(
        /did not commit this save/,
      )
    } finally {
      await ctx.query('ALTER TABLE newsroom_invalidations DROP CONSTRAINT refuse_marked')
    }
    expect(await ctx.query(`SELECT count(*)::int AS n FROM articles WHERE slug = 'abgelehnt'`)).toEqual([
      { n: 0 },
    ])
  })

  test('values a COMMIT message cannot inline (a backslash) go just before it, and arrive exactly', async () => {
    for (const [path, withCommit] of [
      [`/quoted/it's`, true],
      [`/escaped/a\\b"c`, false],
    ] as const) {
      const req = await createLocalReq({}, ctx.payload)
      await initTransaction(req)
      await enqueueInvalidation(ctx.payload, req, {
        paths: [path],
        reach: {},
        tags: [`newsroom:test:${path}`],
      })
      // The INSERT and the COMMIT: one message, or two in a row (a dispatcher's statements may interleave).
      const sent = (await recordQueries(() => commitTransaction(req))).filter((text) =>
        /^\s*(WITH queued|commit)/i.test(text),
      )
      expect(sent).toHaveLength(withCommit ? 1 : 2)
      expect(sent[0]).toMatch(/^\s*WITH queued/)
      expect(sent.at(-1)).toMatch(/commit\s*$/i)
      expect((await arrival(received, hasTag(`newsroom:test:${path}`))).paths).toEqual([path])
    }
  })

  test('a slug change names the old path and the new one', async () => {
    const article = await create.article({ _status: 'published', title: 'Alter Name' })
    await arrival(received, hasTag(`newsroom:articles:${article.id}`))
    const before = received.length
    await ctx.payload.update({ id: article.id, collection: 'articles', data: { slug: 'neuer-name' } })
    const call = await arrival(received, hasTag(`newsroom:articles:${article.id}`), { from: before })
    expect(call.paths).toEqual(expect.arrayContaining(['/articles/alter-name', '/articles/neuer-name']))
  })

  test('unpublishing names the path it leaves', async () => {
    const article = await create.article({ _status: 'published', title: 'Wird zurückgezogen' })
    await arrival(received, hasTag(`newsroom:articles:${article.id}`))
    const before = received.length
    await ctx.payload.update({ id: article.id, collection: 'articles', data: { _status: 'draft' } })
    const call = await arrival(received, hasTag(`newsroom:articles:${article.id}`), { from: before })
    expect(call.paths).toContain(`/articles/${article.slug}`)
  })

  test('unpublishing an article with a pending draft names it: what readers were served counts, not the last version', async () => {
    const article = await create.article({ _status: 'published', title: 'Mit Entwurf' })
    await arrival(received, hasTag(`newsroom:articles:${article.id}`))
    const beforeDraft = received.length
    await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { _status: 'draft', title: 'Mit Entwurf, neu' },
      draft: true,
    })
    // A draft saved over it changes nothing readers see: it names nothing (a later save's call comes after).
    const marker = await create.article({ _status: 'published', title: `Markierung ${article.id}` })
    await arrival(received, hasTag(`newsroom:articles:${marker.id}`), { from: beforeDraft })
    expect(received.slice(beforeDraft).some(hasTag(`newsroom:articles:${article.id}`))).toBe(false)
    const before = received.length
    await ctx.payload.update({ id: article.id, collection: 'articles', data: { _status: 'draft' } })
    const call = await arrival(received, hasTag(`newsroom:articles:${article.id}`), { from: before })
    expect(call.paths).toContain(`/articles/${article.slug}`)
  })

  test('publishing a pending draft with a new slug names the path readers had', async () => {
    const article = await create.article({ _status: 'published', regions: [china.id], title: 'Alter Titel' })
    await arrival(received, hasTag(`newsroom:articles:${article.id}`))
    const beforeDraft = received.length
    await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { _status: 'draft', regions: [asia.id], slug: 'neuer-titel' },
      draft: true,
    })
    // A draft saved over it changes nothing readers see: it names nothing (a later save's call comes after).
    const marker = await create.article({ _status: 'published', title: `Markierung ${article.id}` })
    await arrival(received, hasTag(`newsroom:articles:${marker.id}`), { from: beforeDraft })
    expect(received.slice(beforeDraft).some(hasTag(`newsroom:articles:${article.id}`))).toBe(false)
    const before = received.length
    await ctx.payload.update({ id: article.id, collection: 'articles', data: { _status: 'published' } })
    const call = await arrival(received, hasTag(`newsroom:articles:${article.id}`), { from: before })
    expect(call.paths).toEqual(expect.arrayContaining(['/articles/alter-titel', '/articles/neuer-titel']))
    // The region it left (only in the stored row, not in the draft version) is named too.
    expect(call.tags).toContain(`newsroom:list:region:${china.id}`)
    expect(call.paths).toContain('/regions/asien/china')
  })

  test("a new article in a region reaches the pages of that region's articles (their related lists)", async () => {
    const older = await create.article({ _status: 'published', regions: [china.id], title: 'Älter in China' })
    const page = await getArticlePage({ payload: ctx.payload, slug: older.slug })
    const newer = await create.article({ _status: 'published', regions: [china.id], title: 'Neuer in China' })
    const call = await arrival(received, hasTag(`newsroom:articles:${newer.id}`))
    expect(page!.cache.tags.filter((tag) => call.tags.includes(tag))).toContain(
      `newsroom:list:region:${china.id}`,
    )
    const now = await getArticlePage({ payload: ctx.payload, slug: older.slug })
    expect(now!.related.map((item) => item.slug)).toContain(newer.slug)
  })

  test("a sponsor targeted at Asien changing reaches a China article's page", async () => {
    const article = await create.article({
      _status: 'published',
      regions: [china.id],
      title: 'Handel in Kashgar',
    })
    const page = await getArticlePage({ payload: ctx.payload, slug: article.slug })
    const sponsor = await create.sponsor({
      name: 'Seidenstraße AG',
      regions: [asia.id],
      url: 'https://seide.example',
    })
    const call = await arrival(received, hasTag(`newsroom:sponsors:${sponsor.id}`))
    // The page did not show the sponsor yet, but it carries its region line: the sponsor's change meets it.
    expect(page!.cache.tags.filter((tag) => call.tags.includes(tag))).toContain(`newsroom:regions:${asia.id}`)
    expect(call.tags).not.toContain('newsroom:list:sponsors')
    // An untargeted one reaches every page with sponsor slots.
    const everywhere = await create.sponsor({ name: 'Überall GmbH', url: 'https://ueberall.example' })
    const untargeted = await arrival(received, hasTag(`newsroom:sponsors:${everywhere.id}`))
    expect(page!.cache.tags.filter((tag) => untargeted.tags.includes(tag))).toEqual([
      'newsroom:list:sponsors',
    ])
  })

  test('a change to an article reaches the pages whose curated links point at it', async () => {
    const target = await create.article({ _status: 'draft', title: 'Später veröffentlicht' }, { draft: true })
    const linking = await create.article({ _status: 'published', title: 'Verweist darauf' })
    await create.relatedLink({ article: linking.id, target: target.id, type: 'internal' })
    const page = await getArticlePage({ payload: ctx.payload, slug: linking.slug })
    // The target is unpublished: the page neither shows it nor names it (a tag never names a draft).
    expect(page!.related).toEqual([])
    expect(page!.cache.tags).not.toContain(`newsroom:articles:${target.id}`)
    await ctx.payload.update({ id: target.id, collection: 'articles', data: { _status: 'published' } })
    const call = await arrival(
      received,
      (c) =>
        c.paths.includes(`/articles/${target.slug}`) && c.tags.includes(`newsroom:articles:${linking.id}`),
    )
    expect(call.paths).toContain(`/articles/${linking.slug}`)
  })

  test('regions, authors, approved comments and images name their own tags', async () => {
    const region = await create.region({
      name: 'Kasachstan',
      type: 'country',
      isoCode: 'KZ',
      parent: asia.id,
    })
    // Feeds name regions and authors as categories and bylines: their changes reach every feed.
    expect((await arrival(received, hasTag(`newsroom:regions:${region.id}`))).tags).toContain('newsroom:feed')
    const author = await create.author({ name: 'Aigerim Nurlanowa' })
    const byAuthor = await arrival(received, hasTag(`newsroom:authors:${author.id}`))
    expect(byAuthor.tags).toContain(`newsroom:list:author:${author.id}`)
    expect(byAuthor.tags).toContain('newsroom:feed')
    expect(byAuthor.paths).toContain('/authors/aigerim-nurlanowa')
    const article = await create.article({
      _status: 'published',
      allowComments: true,
      title: 'Mit Kommentaren',
    })
    const comment = await create.comment({
      article: article.id,
      authorEmail: 'leserin@example.com',
      authorName: 'Leserin',
      body: 'Danke für den Bericht.',
      consent: true,
    })
    const before = received.length
    await ctx.payload.update({ id: comment.id, collection: 'comments', data: { status: 'approved' } })
    await arrival(received, hasTag(`newsroom:articles:${article.id}`), { from: before })
    const image = await ctx.payload.create({
      collection: 'media',
      data: { alt: 'Steppe' },
      file: {
        data: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;'),
        mimetype: 'image/gif',
        name: 'steppe.gif',
        size: 14,
      },
    })
    await arrival(received, hasTag(`newsroom:media:${image.id}`))
    // A changed image reaches every feed and sitemap (they may show hundreds, with no tag each).
    const beforeEdit = received.length
    await ctx.payload.update({ collection: 'media', data: { alt: 'Steppe bei Nacht' }, id: image.id })
    const edited = await arrival(received, hasTag(`newsroom:media:${image.id}`), { from: beforeEdit })
    expect(edited.tags).toEqual(expect.arrayContaining(['newsroom:feed', 'newsroom:sitemap']))
  })

  test('a failed call is retried until it is sent', async () => {
    failing.times = 1
    const article = await create.article({ _status: 'published', title: 'Erst beim zweiten Mal' })
    const call = await arrival(received, hasTag(`newsroom:articles:${article.id}`), { ms: 15_000 })
    expect(failing.times).toBe(0)
    expect(call).toBeDefined()
  })

  test('a change that can never be sent does not hold back the others of its batch', async () => {
    // Both saved in one transaction: one notification, one batch.
    const req = await createLocalReq({}, ctx.payload)
    await initTransaction(req)
    const stuck = await create.article({ _status: 'published', title: 'Geht nie raus' }, { req })
    poisoned.add(`newsroom:articles:${stuck.id}`)
    const fine = await create.article({ _status: 'published', title: 'Geht raus' }, { req })
    await commitTransaction(req)
    await arrival(received, hasTag(`newsroom:articles:${fine.id}`), { ms: 15_000 })
    expect(received.some(hasTag(`newsroom:articles:${stuck.id}`))).toBe(false)
    const [row] = await ctx.query<{ attempts: number; last_error: string }>(
      'SELECT attempts, last_error FROM newsroom_invalidations WHERE tags ? $1',
      [`newsroom:articles:${stuck.id}`],
    )
    expect(row).toMatchObject({ last_error: 'this one never goes' })
    await ctx.query('DELETE FROM newsroom_invalidations')
    poisoned.clear()
  })

  test('the scheduled-publish job, run outside any request, leads to the invalidation', async () => {
    const article = await create.article({ _status: 'draft', title: 'Geplant' }, { draft: true })
    await ctx.payload.jobs.queue({
      input: { doc: { relationTo: 'articles', value: String(article.id) }, type: 'publish' },
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() - 1_000),
    } as never)
    await ctx.payload.jobs.run()
    const call = await arrival(received, hasTag(`newsroom:articles:${article.id}`))
    expect(call.paths).toContain('/articles/geplant')
    expect(call.inRequest).toBe(false)
  })
})

describe('the page and the endpoints carry the cache hints', () => {
  test("a page's tags name what it was built from; a scheduled publish is not told to readers", async () => {
    const article = await create.article({ _status: 'published', regions: [china.id], title: 'Mit Plan' })
    await ctx.payload.jobs.queue({
      input: { doc: { relationTo: 'articles', value: String(article.id) }, type: 'publish' },
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() + 3_600_000),
    } as never)
    const page = await getArticlePage({ payload: ctx.payload, slug: article.slug })
    expect(page!.cache.tags).toEqual(
      expect.arrayContaining([
        `newsroom:articles:${article.id}`,
        `newsroom:regions:${china.id}`,
        `newsroom:regions:${asia.id}`,
        `newsroom:list:region:${china.id}`,
        'newsroom:list:sponsors',
      ]),
    )
    // An embargo is the newsroom's business: the job's publication invalidates the page instead.
    expect(page!.cache.revalidateAt).toBeNull()
    expect(page!.url).toBe(`/articles/${article.slug}`)
  })

  test('the REST page sends ETag, Cache-Control and the tags, and answers If-None-Match with 304', async () => {
    const article = await create.article({ _status: 'published', regions: [china.id], title: 'Mit ETag' })
    const first = await ctx.rest.get(`/newsroom/articles/${article.slug}`)
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]{20,}"$/)
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+$/)
    expect(first.headers.get('cache-tag')!.split(',')).toContain(`newsroom:articles:${article.id}`)
    expect(first.headers.get('surrogate-key')!.split(' ')).toContain(`newsroom:regions:${asia.id}`)
    const again = await ctx.rest.get(`/newsroom/articles/${article.slug}`, {
      headers: { 'if-none-match': etag },
    })
    expect(again.status).toBe(304)
    expect(again.text).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    // Changed: the old ETag no longer matches.
    await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { subtitle: 'Jetzt mit Unterzeile' },
    })
    const changed = await ctx.rest.get(`/newsroom/articles/${article.slug}`, {
      headers: { 'if-none-match': etag },
    })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
    // A signed-in caller's answer is theirs alone; a draft is never stored.
    const editor = await ctx.rest.get(`/newsroom/articles/${article.slug}`, { token: ctx.token })
    expect(editor.headers.get('cache-control')).toBe('private, no-cache')
    const draft = await ctx.rest.get(`/newsroom/articles/${article.slug}?draft=true`, { token: ctx.token })
    expect(draft.headers.get('cache-control')).toBe('no-store')
    expect(draft.headers.get('etag')).toBeNull()
    const region = await ctx.rest.get('/newsroom/regions/asien', { headers: { 'if-none-match': '*' } })
    expect(region.status).toBe(304)
  })
})

describe('POST /api/newsroom/invalidate', () => {
  test("runs onInvalidate inside the request when signed with this app's secret, and refuses anything else", async () => {
    const body = JSON.stringify({ paths: ['/articles/x'], tags: ['newsroom:articles:signed'] })
    const unsigned = await ctx.rest.post('/newsroom/invalidate', body)
    expect(unsigned.status).toBe(401)
    const forged = await ctx.rest.post('/newsroom/invalidate', body, {
      headers: { 'x-newsroom-signature': signInvalidation('another-secret', body) },
    })
    expect(forged.status).toBe(401)
    const stale = await ctx.rest.post('/newsroom/invalidate', body, {
      headers: { 'x-newsroom-signature': signInvalidation(ctx.payload.secret, body, Date.now() - 600_000) },
    })
    expect(stale.status).toBe(401)
    const badBody = JSON.stringify({ paths: [], tags: [1] })
    const bad = await ctx.rest.post('/newsroom/invalidate', badBody, {
      headers: { 'x-newsroom-signature': signInvalidation(ctx.payload.secret, badBody) },
    })
    expect(bad.status).toBe(400)
    expect(bad.text).toMatch(/tags/)
    const huge = JSON.stringify({ paths: [], tags: ['x'.repeat(2_000_000)] })
    expect((await ctx.rest.post('/newsroom/invalidate', huge)).status).toBe(413)
    expect(received.some(hasTag('newsroom:articles:signed'))).toBe(false)
    const signed = await ctx.rest.post('/newsroom/invalidate', body, {
      headers: { 'x-newsroom-signature': signInvalidation(ctx.payload.secret, body) },
    })
    expect(signed.status).toBe(204)
    const call = received.find(hasTag('newsroom:articles:signed'))
    expect(call).toMatchObject({ inRequest: true, paths: ['/articles/x'] })
  })
})

describe('two instances, one outbox', () => {
  let second: TestContext
  const secondReceived: Received = []
  afterAll(async () => {
    await second?.stop()
  })

  test('every message is dispatched, each by one instance', async () => {
    second = await startPayload({
      databaseUrl: ctx.databaseUrl,
      key: 'second-instance',
      plugin: { media: 'media', onInvalidate: recorder(secondReceived) },
    })
    const before = received.length
    const articles: NewsroomArticle[] = []
    for (let i = 0; i < 20; i++) {
      const instance = i % 2 ? second.payload : ctx.payload
      articles.push(
        (await instance.create({
          collection: 'articles',
          data: { _status: 'published', title: `Zwei Instanzen ${i}` },
        })) as unknown as NewsroomArticle,
      )
    }
    const all = () => [...received.slice(before), ...secondReceived]
    const started = Date.now()
    while (
      !articles.every((article) => all().some(hasTag(`newsroom:articles:${article.id}`))) &&
      Date.now() - started < 15_000
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    for (const article of articles) {
      // Sent exactly once, by one of the two.
      expect(all().filter(hasTag(`newsroom:articles:${article.id}`))).toHaveLength(1)
    }
    // Sent rows are deleted once their call returned: the outbox empties.
    const remaining = async () =>
      (await ctx.query<{ n: number }>('SELECT count(*)::int AS n FROM newsroom_invalidations'))[0]!.n
    for (let i = 0; i < 100 && (await remaining()) > 0; i++) await new Promise((r) => setTimeout(r, 50))
    expect(await remaining()).toBe(0)
  })
})

describe('in a site with localization', () => {
  const localizedReceived: Received = []
  let localized: TestContext
  beforeAll(async () => {
    localized = await startPayload({
      config: { localization: { defaultLocale: 'de', fallback: true, locales: ['de', 'en'] } },
      key: 'localized-invalidation',
      plugin: { media: 'media', onInvalidate: recorder(localizedReceived) },
    })
  })
  afterAll(async () => localized?.stop())

  test('unpublishing an AI-rewritten article with a pending draft names it (the review reads the other locales meanwhile)', async () => {
    const make = fixtures(localized.payload)
    const article = await make.article({
      _status: 'published',
      ai: { usage: 'rewritten' },
      source: { kind: 'external', name: 'Agentur', url: 'https://quelle.example/meldung' },
      title: 'KI mit Entwurf',
    })
    await arrival(localizedReceived, hasTag(`newsroom:articles:${article.id}`))
    await localized.payload.update({
      collection: 'articles',
      data: { _status: 'draft', title: 'KI mit Entwurf, neu' },
      draft: true,
      id: article.id,
    })
    const before = localizedReceived.length
    await localized.payload.update({ collection: 'articles', data: { _status: 'draft' }, id: article.id })
    const call = await arrival(localizedReceived, hasTag(`newsroom:articles:${article.id}`), { from: before })
    expect(call.paths).toContain(`/articles/${article.slug}`)
  })
})
