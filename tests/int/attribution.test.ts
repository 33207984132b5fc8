import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { AiUsage, NewsroomArticle } from '../../src/index.js'

import { IPTC } from '../../src/attribution/notice.js'
import { type FixtureData, fixtures, type Fixtures } from '../helpers/fixtures.js'
import { startWithEditor } from '../helpers/payload.js'
import { errorPaths } from '../helpers/rest.js'

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let create: Fixtures
beforeAll(async () => {
  ctx = await startWithEditor()
  create = fixtures(ctx.payload)
})
afterAll(async () => ctx?.stop())

const url = 'https://quelle.example/bericht'
const rewrittenNotice =
  'Diese Nachricht wurde dieser Quelle entnommen und von künstlicher Intelligenz umgeschrieben.'
type Doc = Record<string, any>

const counts = async () =>
  (
    await ctx.query<{ articles: string; versions: string }>(
      'SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM _articles_v) AS versions',
    )
  )[0]
const storedAttribution = async (id: number | string) =>
  (
    await ctx.query<Doc>(
      `SELECT attribution_required AS required, attribution_notice AS notice, attribution_source_url AS "sourceUrl",
              attribution_digital_source_type AS "digitalSourceType", attribution_placement AS placement
       FROM articles WHERE id = $1`,
      [id],
    )
  )[0]!

describe('the publish gate', () => {
  test.each([
    ['an AI rewrite', { ai: { usage: 'rewritten' } }],
    ['wire copy', { source: { kind: 'wire', name: 'Agentur' } }],
    ['external copy', { source: { kind: 'external' } }],
    ['generated text from the wire', { ai: { usage: 'generated' }, source: { kind: 'wire' } }],
  ])(
    'publishing %s without a source URL is refused on source.url, in German, nothing stored',
    async (_, facts) => {
      const before = await counts()
      const response = await ctx.rest.post(
        '/articles',
        { title: 'Ohne Quelle', _status: 'published', ...facts },
        { headers: { 'accept-language': 'de' }, token: ctx.token },
      )
      expect(response.status).toBe(400)
      expect(errorPaths(response)).toEqual(['source.url'])
      expect(response.json.errors[0].data.errors[0].message).toBe(
        'Ein aus einer Quelle übernommener Text kann nicht ohne Link auf diese Quelle veröffentlicht werden.',
      )
      expect(await counts()).toEqual(before)
    },
  )

  test('a draft may stay incomplete; publishing it later needs the link, then goes through', async () => {
    const draft = await ctx.rest.post(
      '/articles?draft=true',
      { title: 'Entwurf', ai: { usage: 'rewritten' } },
      { token: ctx.token },
    )
    expect(draft.status).toBe(201)
    expect(draft.json.doc.attribution).toMatchObject({
      notice: rewrittenNotice,
      required: true,
      sourceUrl: null,
    })
    expect(draft.json.doc.attribution.segments).toEqual([{ text: rewrittenNotice }])

    const id = draft.json.doc.id
    const refused = await ctx.rest.patch(`/articles/${id}`, { _status: 'published' }, { token: ctx.token })
    expect(refused.status).toBe(400)
    expect(errorPaths(refused)).toEqual(['source.url'])
    const [row] = await ctx.query<{ status: string }>(
      'SELECT _status AS status FROM articles WHERE id = $1',
      [id],
    )
    expect(row!.status).toBe('draft')

    const published = await ctx.rest.patch(
      `/articles/${id}`,
      { _status: 'published', source: { kind: 'external', url } },
      { token: ctx.token },
    )
    expect(published.status).toBe(200)
    expect(published.json.doc.attribution.segments[1]).toEqual({ href: url, text: 'dieser Quelle' })
  })

  test('generated or edited staff text may be published without a source', async () => {
    for (const usage of ['generated', 'edited']) {
      const response = await ctx.rest.post(
        '/articles',
        { title: `Eigen ${usage}`, _status: 'published', ai: { usage } },
        { token: ctx.token },
      )
      expect(response.status).toBe(201)
    }
  })
})

describe('what is stored and read', () => {
  test.each<[AiUsage, null | string]>([
    ['rewritten', IPTC.trained],
    ['generated', IPTC.trained],
    ['edited', IPTC.composite],
    ['none', null],
  ])('ai.usage %s stores and reads IPTC type %s', async (usage, iptc) => {
    const article = await create.article({
      title: `Nutzung ${usage}`,
      _status: 'published',
      ai: { usage },
      source: { kind: 'external', url },
    })
    expect(article.attribution!.digitalSourceType).toBe(iptc)
    expect((await storedAttribution(article.id)).digitalSourceType).toBe(iptc)
    expect(article.attribution!.required).toBe(true)
  })

  test('staff text without AI needs no notice', async () => {
    const article = await create.article({ title: 'Eigenbericht' })
    expect(article.attribution).toMatchObject({ notice: null, placement: null, required: false })
  })

  test('human review moves an AI notice from the top to the bottom', async () => {
    const article = await create.article({ title: 'Geprüft', ai: { usage: 'generated' } })
    expect(article.attribution!.placement).toBe('top')
    const reviewed = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { ai: { humanReviewed: true } },
      user: ctx.editor,
    })) as Doc
    expect(reviewed.attribution.placement).toBe('bottom')
    expect(reviewed.ai.usage).toBe('generated')
    expect((await storedAttribution(article.id)).placement).toBe('bottom')
  })

  test('a source change re-renders the notice and its link', async () => {
    const article = await create.article({
      title: 'Neue Quelle',
      ai: { usage: 'rewritten' },
      source: { kind: 'external', url },
    })
    const moved = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { source: { url: 'https://andere.example/' } },
    })) as Doc
    expect(moved.attribution.sourceUrl).toBe('https://andere.example/')
    expect(moved.source.kind).toBe('external')
  })
})

describe('the review model (Art. 50(4), guidelines para 133-136)', () => {
  const reviewedNotice = 'Dieser Text wurde mit künstlicher Intelligenz erstellt. Von der Redaktion geprüft.'
  const storedReview = async (id: number | string) =>
    (
      await ctx.query<Doc>(
        `SELECT ai_human_reviewed AS "humanReviewed", ai_reviewed_by_id AS "reviewedBy", ai_reviewed_at AS "reviewedAt",
                ai_reviewer_name AS "reviewerName", ai_review_hash AS "reviewHash", attribution_ai_act AS "aiAct",
                attribution_placement AS placement
         FROM articles WHERE id = $1`,
        [id],
      )
    )[0]!
  const other = async () =>
    (await ctx.payload.create({
      collection: 'users',
      data: { email: `anderer-${Date.now()}@newsroom.test`, password: 'secret-password' },
    })) as Doc

  test('an editor confirms a review: the server records who, when and the text; the notice is exempt and says so', async () => {
    const started = Date.now()
    const created = await ctx.rest.post(
      '/articles',
      { title: 'KI-Text', ai: { usage: 'generated' } },
      { token: ctx.token },
    )
    const response = await ctx.rest.patch(
      `/articles/${created.json.doc.id}`,
      { ai: { humanReviewed: true } },
      { token: ctx.token },
    )
    expect(response.status).toBe(200)
    expect(response.json.doc.attribution).toMatchObject({
      aiAct: 'exempt',
      notice: reviewedNotice,
      placement: 'bottom',
      required: true,
    })
    const stored = await storedReview(created.json.doc.id)
    expect(stored).toMatchObject({
      aiAct: 'exempt',
      humanReviewed: true,
      reviewerName: 'editor@newsroom.test',
    })
    expect(Number(stored.reviewedBy)).toBe(Number(ctx.editor.id))
    expect(new Date(stored.reviewedAt).getTime()).toBeGreaterThanOrEqual(started - 1000)
    expect(stored.reviewHash).toMatch(/^[0-9a-f]{64}$/)
    // Readers see that a review stands, not who gave it.
    const anonymous = await ctx.rest.get(`/articles/${created.json.doc.id}`)
    expect(anonymous.status).toBe(404)
    await ctx.payload.update({
      id: created.json.doc.id,
      collection: 'articles',
      data: { _status: 'published' },
    })
    const read = (await ctx.rest.get(`/articles/${created.json.doc.id}`)).json
    expect(read.attribution.aiAct).toBe('exempt')
    expect(read.ai).not.toHaveProperty('reviewedBy')
    expect(read.ai).not.toHaveProperty('reviewerName')
    // The hash is public like the text it fingerprints: the read path tells a review from a tick by it.
    expect(read.ai.reviewHash).toMatch(/^[0-9a-f]{64}$/)
    // Nor can a reader find it out by filtering or sorting on the record.
    for (const query of [
      'where[ai.reviewerName][equals]=editor@newsroom.test',
      'where[ai.reviewedBy][equals]=1',
    ]) {
      const response = await ctx.rest.get(`/articles?${query}`)
      expect(response.status, query).toBe(400)
    }
    const sorted = await ctx.rest.get('/articles?sort=ai.reviewerName')
    expect([400, 403]).toContain(sorted.status)
  })

  test('a changed text clears the review, even when the form still sends the ticked box', async () => {
    const article = await create.article(
      { title: 'Vor der Änderung', ai: { humanReviewed: true, usage: 'generated' } },
      { user: ctx.editor },
    )
    expect(article.attribution).toMatchObject({ aiAct: 'exempt', placement: 'bottom' })
    // The admin sends every field: the box is still ticked, the text is new.
    const edited = await ctx.rest.patch(
      `/articles/${article.id}`,
      { ai: { humanReviewed: true, usage: 'generated' }, title: 'Nach der Änderung' },
      { token: ctx.token },
    )
    expect(edited.status).toBe(200)
    expect(edited.json.doc.attribution).toMatchObject({
      aiAct: 'disclose',
      notice: 'Dieser Text wurde mit künstlicher Intelligenz erstellt.',
      placement: 'top',
    })
    expect(await storedReview(article.id)).toMatchObject({
      humanReviewed: false,
      reviewedAt: null,
      reviewedBy: null,
      reviewHash: null,
    })
    // Confirmed again on the saved text, it stands again.
    const again = await ctx.rest.patch(
      `/articles/${article.id}`,
      { ai: { humanReviewed: true } },
      { token: ctx.token },
    )
    expect(again.json.doc.attribution.aiAct).toBe('exempt')
  })

  test.each([
    [
      'the content',
      {
        content: {
          root: {
            children: [{ children: [{ text: 'Neuer Absatz von der KI.', type: 'text' }], type: 'paragraph' }],
            type: 'root',
          },
        },
      },
    ],
    ['the subtitle', { subtitle: 'Eine neue Unterzeile' }],
    ['the AI usage', { ai: { usage: 'edited' } }],
  ])('a change of %s through the Local API clears it too', async (_, change) => {
    const article = await create.article(
      { title: 'Geprüft', ai: { humanReviewed: true, usage: 'generated' } },
      { user: ctx.editor },
    )
    const changed = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: change as Doc,
      user: ctx.editor,
    })) as Doc
    expect(changed.attribution.aiAct).toBe('disclose')
    expect(changed.attribution.placement).toBe('top')
  })

  test('a save that changes nothing readers read keeps the review and its record', async () => {
    const article = await create.article(
      { title: 'Bleibt geprüft', ai: { humanReviewed: true, usage: 'generated' } },
      { user: ctx.editor },
    )
    const before = await storedReview(article.id)
    const saved = await ctx.rest.patch(
      `/articles/${article.id}`,
      { allowComments: false, dateline: { place: 'Almaty' }, title: ' Bleibt geprüft ' },
      { token: ctx.token },
    )
    expect(saved.json.doc.attribution.aiAct).toBe('exempt')
    expect(await storedReview(article.id)).toEqual(before)
  })

  test('a client can set neither the reviewer nor the time nor the hash, over REST, GraphQL and the Local API', async () => {
    const someoneElse = await other()
    const forged: FixtureData<NewsroomArticle>['ai'] = {
      humanReviewed: true,
      reviewedAt: '2020-01-01T00:00:00.000Z',
      reviewedBy: someoneElse.id,
      reviewerName: 'Niemand',
      reviewHash: 'f'.repeat(64),
      usage: 'generated',
    }
    const expectServerRecord = async (id: number | string) => {
      const stored = await storedReview(id)
      expect(Number(stored.reviewedBy)).toBe(Number(ctx.editor.id))
      expect(stored.reviewerName).toBe('editor@newsroom.test')
      expect(new Date(stored.reviewedAt).getFullYear()).toBeGreaterThan(2020)
      expect(stored.reviewHash).not.toBe('f'.repeat(64))
    }
    const viaRest = await ctx.rest.post('/articles', { title: 'Gefälscht', ai: forged }, { token: ctx.token })
    expect(viaRest.status).toBe(201)
    await expectServerRecord(viaRest.json.doc.id)
    const viaLocal = await create.article({ title: 'Gefälscht lokal', ai: forged }, { user: ctx.editor })
    await expectServerRecord(viaLocal.id)
    const mutation = `mutation Create($data: mutationArticleInput!) { createArticle(data: $data) { id } }`
    const viaGraphql = await ctx.rest.graphql(
      mutation,
      {
        data: {
          ai: { ...forged, reviewHash: undefined, reviewerName: undefined },
          slug: '',
          title: 'Gefälscht GraphQL',
        },
      },
      { token: ctx.token },
    )
    // GraphQL may not even offer the fields; whatever it accepts, the record is the server's.
    if (!viaGraphql.json.errors) await expectServerRecord(viaGraphql.json.data.createArticle.id)
    // A forged record on an article nobody reviewed is no review: the notice stays mandatory.
    const unticked = await ctx.rest.post(
      '/articles',
      { title: 'Nicht geprüft', ai: { ...forged, humanReviewed: false } },
      { token: ctx.token },
    )
    expect(unticked.json.doc.attribution).toMatchObject({ aiAct: 'disclose', placement: 'top' })
    expect(await storedReview(unticked.json.doc.id)).toMatchObject({ reviewedAt: null, reviewedBy: null })
  })

  test('a link target, an embed or an image in the text is part of what was reviewed', async () => {
    const linked = (url: string) => ({
      root: {
        children: [
          {
            children: [{ children: [{ text: 'Hier klicken', type: 'text' }], fields: { url }, type: 'link' }],
            type: 'paragraph',
          },
        ],
        type: 'root',
      },
    })
    const article = await create.article(
      {
        content: linked('https://gut.example') as never,
        title: 'Mit Link',
        ai: { humanReviewed: true, usage: 'generated' },
      },
      { user: ctx.editor },
    )
    expect(article.attribution!.aiAct).toBe('exempt')
    const moved = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { content: linked('https://boese.example') as never },
      user: ctx.editor,
    })) as Doc
    expect(moved.attribution.aiAct).toBe('disclose')
  })

  test('a tick stored by 0.1, without the hash of a reviewed text, is no review: readers get the mandatory notice', async () => {
    const article = await create.article({
      _status: 'published',
      ai: { usage: 'generated' },
      title: 'Aus 0.1',
    })
    await ctx.query(
      `UPDATE articles SET ai_human_reviewed = true, ai_reviewed_at = '2025-01-01', attribution_ai_act = 'exempt',
              attribution_placement = 'bottom', attribution_notice = 'gefälscht' WHERE id = $1`,
      [article.id],
    )
    const read = (await ctx.rest.get(`/articles/${article.id}`)).json
    expect(read.attribution).toMatchObject({ aiAct: 'disclose', placement: 'top' })
    // A select that asks for the notice alone gets it computed too, not the stored one.
    const selected = (await ctx.rest.get(`/articles/${article.id}?select[attribution]=true`)).json
    expect(selected.attribution).toMatchObject({ aiAct: 'disclose', placement: 'top' })
    expect(selected.attribution.notice).not.toBe('gefälscht')
    const page = (await ctx.rest.get(`/newsroom/articles/${article.slug}`)).json
    expect(page.attribution).toMatchObject({ aiAct: 'disclose', placement: 'top' })
  })

  test("restoring a version is nobody's new review: the restorer is not recorded, the review is cleared", async () => {
    const article = await create.article(
      { title: 'Erste Fassung', ai: { humanReviewed: true, usage: 'generated' } },
      { user: ctx.editor },
    )
    await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { title: 'Zweite Fassung' },
      user: ctx.editor,
    })
    const versions = await ctx.payload.findVersions({
      collection: 'articles',
      sort: 'createdAt',
      where: { parent: { equals: article.id } },
    })
    const reviewedVersion = versions.docs.find(
      (version) => (version.version as Doc).title === 'Erste Fassung',
    )!
    const someoneElse = await other()
    const restored = (await ctx.payload.restoreVersion({
      id: reviewedVersion.id,
      collection: 'articles',
      user: { ...someoneElse, collection: 'users' } as never,
    })) as Doc
    expect(restored.title).toBe('Erste Fassung')
    expect(restored.attribution.aiAct).toBe('disclose')
    const stored = await storedReview(article.id)
    expect(stored).toMatchObject({ humanReviewed: false, reviewedBy: null, reviewerName: null })
    // A script restores too, without a user, and is not refused.
    await expect(
      ctx.payload.restoreVersion({ id: reviewedVersion.id, collection: 'articles' }),
    ).resolves.toBeTruthy()
  })

  test('nobody but a signed-in editor can confirm a review: a 400 naming the field, nothing stored', async () => {
    const before = await counts()
    await expect(
      ctx.payload.create({
        collection: 'articles',
        data: { ai: { humanReviewed: true, usage: 'generated' }, title: 'Ohne Prüfer' },
      }),
    ).rejects.toMatchObject({ data: { errors: [{ path: 'ai.humanReviewed' }] }, status: 400 })
    expect(await counts()).toEqual(before)
  })
})

describe('AI in the lead image (Art. 50(4) first subparagraph: no review exemption)', () => {
  test('an AI image is labelled in every read, even after a review of the text', async () => {
    const article = await create.article(
      {
        _status: 'published',
        ai: { humanReviewed: true, usage: 'edited' },
        imageAi: { usage: 'generated' },
        title: 'Mit KI-Bild',
      },
      { user: ctx.editor },
    )
    expect(article.attribution!.aiAct).toBe('exempt')
    expect(article.imageAi).toMatchObject({
      digitalSourceType: IPTC.trained,
      label: 'Bild mit KI erzeugt',
      usage: 'generated',
    })
    const edited = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { imageAi: { digitalSourceType: null, label: 'Foto', usage: 'edited' } },
    })) as Doc
    expect(edited.imageAi).toMatchObject({
      digitalSourceType: IPTC.composite,
      label: 'Bild mit KI bearbeitet',
    })
    const none = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { imageAi: { label: 'KI-Bild', usage: 'none' } },
    })) as Doc
    expect(none.imageAi).toMatchObject({ digitalSourceType: null, label: null })
  })
})

describe('tampering', () => {
  const fake: FixtureData<NewsroomArticle> = {
    attribution: {
      digitalSourceType: null,
      notice: 'Alles echt.',
      placement: 'bottom',
      required: false,
      segments: [{ href: 'javascript:alert(1)', text: 'x' }],
      sourceUrl: 'javascript:alert(1)',
    },
    layout: {
      backToTop: { enabled: false, label: 'x', showAfterPx: 1 },
      headings: [{ id: '"><script>', level: 2, text: 'x' }],
      readingTimeMinutes: 0,
      wordCount: 99999,
    },
  }
  const facts: FixtureData<NewsroomArticle> = {
    title: 'Manipuliert',
    _status: 'published',
    ai: { usage: 'rewritten' },
    source: { kind: 'external', url },
  }

  const expectHonest = async (id: number | string) => {
    const stored = await storedAttribution(id)
    expect(stored).toMatchObject({
      notice: rewrittenNotice,
      placement: 'top',
      required: true,
      sourceUrl: url,
    })
    const [layout] = await ctx.query<{ words: number }>(
      'SELECT layout_word_count AS words FROM articles WHERE id = $1',
      [id],
    )
    expect(Number(layout!.words)).toBe(1)
    const read = (await ctx.payload.findByID({ id, collection: 'articles' })) as Doc
    expect(read.attribution.segments[1]).toEqual({ href: url, text: 'dieser Quelle' })
    expect(read.layout.headings).toEqual([])
  }

  test('through REST create and update', async () => {
    const created = await ctx.rest.post('/articles', { ...facts, ...fake }, { token: ctx.token })
    expect(created.status).toBe(201)
    await expectHonest(created.json.doc.id)
    const updated = await ctx.rest.patch(`/articles/${created.json.doc.id}`, fake, { token: ctx.token })
    expect(updated.status).toBe(200)
    await expectHonest(created.json.doc.id)
  })

  test('through the Local API, which skips field access', async () => {
    const created = await create.article({ ...facts, ...fake })
    await expectHonest(created.id)
    await ctx.payload.update({ id: created.id, collection: 'articles', data: fake })
    await expectHonest(created.id)
    await ctx.payload.update({ id: created.id, collection: 'articles', data: fake, draft: true })
    const draft = (await ctx.payload.findByID({ id: created.id, collection: 'articles', draft: true })) as Doc
    expect(draft.attribution.notice).toBe(rewrittenNotice)
  })

  test('through GraphQL', async () => {
    const mutation = `mutation Create($data: mutationArticleInput!) { createArticle(data: $data) { id attribution { notice required } } }`
    // GraphQL marks the slug required in its input type; an empty one is filled from the title.
    const response = await ctx.rest.graphql(
      mutation,
      { data: { ...facts, ...fake, slug: '' } },
      { token: ctx.token },
    )
    expect(response.json.errors, JSON.stringify(response.json.errors)).toBeUndefined()
    const id = response.json.data.createArticle.id
    expect(response.json.data.createArticle.attribution).toEqual({ notice: rewrittenNotice, required: true })
    await expectHonest(id)
    const update = `mutation Update($id: Int!, $data: mutationArticleUpdateInput!) { updateArticle(id: $id, data: $data) { id } }`
    const updated = await ctx.rest.graphql(
      update,
      { data: { ...fake, ai: facts.ai, source: facts.source }, id },
      { token: ctx.token },
    )
    expect(updated.json.errors, JSON.stringify(updated.json.errors)).toBeUndefined()
    await expectHonest(id)
  })

  test('a row written around the hooks still reads with the right notice', async () => {
    const row = (await ctx.payload.db.create({
      collection: 'articles',
      data: {
        _status: 'published',
        ai: { usage: 'generated' },
        attribution: { notice: 'gefälscht', placement: 'bottom', required: false },
        slug: 'am-hook-vorbei',
        source: { kind: 'wire', name: 'Agentur Süd', url },
        title: 'Am Hook vorbei',
      },
      req: {},
    })) as Doc
    const read = (await ctx.payload.findByID({ id: row.id, collection: 'articles' })) as Doc
    expect(read.attribution).toMatchObject({
      digitalSourceType: IPTC.trained,
      notice: 'Dieser Text wurde mit künstlicher Intelligenz erstellt. Quelle: Agentur Süd',
      placement: 'top',
      required: true,
    })
    const anonymous = await ctx.rest.get(`/articles/${row.id}`)
    expect(anonymous.json.attribution.notice).toBe(read.attribution.notice)
    // The reading metadata is computed on read too.
    expect(read.layout).toMatchObject({ headings: [], readingTimeMinutes: 1, wordCount: 3 })
    expect(read.layout.backToTop).toMatchObject({
      enabled: false,
      label: 'Zurück zum Anfang',
      targetId: 'top',
    })
  })
})

describe('partial reads and odd parameters', () => {
  let ai: NewsroomArticle
  beforeAll(async () => {
    ai = await create.article({
      _status: 'published',
      ai: { usage: 'rewritten' },
      content: {
        root: {
          type: 'root',
          children: [
            {
              type: 'paragraph',
              children: [{ type: 'text', text: 'wort '.repeat(400), version: 1 }],
              version: 1,
            },
          ],
          direction: null,
          format: '',
          indent: 0,
          version: 1,
        },
      },
      dateline: { date: '2026-04-26T00:00:00.000Z', place: 'Almaty' },
      source: { kind: 'wire', name: 'Agentur', url },
      title: 'Teilweise gelesen',
    })
  })

  test.each([
    'select[attribution]=true',
    'select[attribution]=true&select[source]=true',
    'select[attribution]=true&select[ai][usage]=true',
    'select[attribution][required]=true&select[attribution][notice]=true&select[source][url]=true',
  ])('?%s keeps the full notice', async (select) => {
    for (const path of [`/articles/${ai.id}?${select}`, `/articles?where[id][equals]=${ai.id}&${select}`]) {
      const response = await ctx.rest.get(path)
      const doc = response.json.docs?.[0] ?? response.json
      expect(doc.attribution.required, path).toBe(true)
      if ('notice' in doc.attribution) expect(doc.attribution.notice, path).toBe(rewrittenNotice)
    }
  })

  test('a select without the word count keeps the stored back-to-top state; one without the place keeps the dateline', async () => {
    const response = await ctx.rest.get(
      `/articles/${ai.id}?select[layout][backToTop]=true&select[dateline][text]=true`,
    )
    expect(response.json.layout.backToTop.enabled).toBe(true)
    expect(response.json.dateline.text).toBe('Almaty, 26. April')
  })

  test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'x', 'zz-ZZ', 'a'.repeat(300)])(
    '?locale=%s reads the default language, never a 500',
    async (locale) => {
      const response = await ctx.rest.get(
        `/articles?locale=${encodeURIComponent(locale)}&where[id][equals]=${ai.id}`,
      )
      expect(response.status).toBe(200)
      expect(response.json.docs[0].attribution.notice).toBe(rewrittenNotice)
      expect(response.json.docs[0].layout.backToTop.label).toBe('Zurück zum Anfang')
      const page = await ctx.rest.get(`/newsroom/articles/${ai.slug}?locale=${encodeURIComponent(locale)}`)
      expect(page.status).toBeLessThan(500)
    },
  )

  test('the Local API with an unknown locale reads the default language too', async () => {
    for (const locale of ['constructor', 'x']) {
      const doc = (await ctx.payload.findByID({
        id: ai.id,
        collection: 'articles',
        locale,
      })) as Doc
      expect(doc.attribution.notice).toBe(rewrittenNotice)
      expect(doc.dateline.text).toBe('Almaty, 26. April')
    }
  })

  test.each([
    ['ai.usage', { ai: { usage: 'magic' } }],
    ['source.kind', { source: { kind: 'agency' } }],
    ['ai.humanReviewed', { ai: { humanReviewed: 'vielleicht' } }],
    ['publishedAt', { publishedAt: 'gestern' }],
    ['publishedAt', { publishedAt: '-010000-01-01T00:00:00Z' }],
    ['dateline.place', { dateline: { place: 5 } }],
    ['title', { title: { de: 'Objekt' } }],
  ])(
    'an unknown value for %s is a 400 naming it, on drafts and publishing, and stores nothing',
    async (path, data) => {
      for (const draft of ['?draft=true', '']) {
        const before = await counts()
        const response = await ctx.rest.post(
          `/articles${draft}`,
          { title: 'Unbekannt', ...data, _status: draft ? 'draft' : 'published' },
          { token: ctx.token },
        )
        expect(response.status).toBe(400)
        expect(errorPaths(response)).toContain(path)
        expect(await counts()).toEqual(before)
      }
    },
  )

  test('a save for all locales at once checks each value: an unknown usage or a 1 MB title is a 400', async () => {
    for (const data of [
      { ai: { usage: 'magic' }, title: 'Alle' },
      { publishedAt: 'gestern', title: 'Alle' },
      { title: { de: 'x'.repeat(1024 * 1024) } },
      // Localized fields carry one value per locale: each must fit.
      { title: { de: 5 } },
      { title: { de: { verschachtelt: true } } },
    ]) {
      const before = await counts()
      const response = await ctx.rest.post('/articles?locale=all&draft=true', data, { token: ctx.token })
      expect(response.status).toBe(400)
      expect(await counts()).toEqual(before)
    }
  })
})
