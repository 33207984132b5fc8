import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import {
  getArticlePage,
  getAuthorPage,
  getRegionPage,
  type NewsroomArticle,
  type NewsroomRegion,
} from '../../src/index.js'
import { type FixtureData, fixtures, type Fixtures } from '../helpers/fixtures.js'
import { startWithEditor } from '../helpers/payload.js'
import { errorPaths } from '../helpers/rest.js'

type Doc = Record<string, any>

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let create: Fixtures
let region: NewsroomRegion
beforeAll(async () => {
  ctx = await startWithEditor({
    plugin: {
      media: 'media',
      site: {
        correctionsPolicyUrl: 'https://news.example/korrekturen',
        name: 'Steppenbote',
        url: 'https://news.example',
      },
    },
  })
  create = fixtures(ctx.payload)
  region = await create.region({ name: 'Kasachstan', type: 'country', isoCode: 'KZ' })
})
afterAll(async () => ctx?.stop())

const published = (data: FixtureData<NewsroomArticle> = {}) =>
  create.article({ _status: 'published', regions: [region.id], title: 'Treffen in Almaty', ...data })
const storedNotes = async (id: number | string) =>
  ctx.query<{ at: string; by: null | number; kind: string; text: string }>(
    `SELECT c.kind, c.text, c.at, c.by_id AS by FROM articles_corrections c WHERE c._parent_id = $1 ORDER BY c._order`,
    [id],
  )
const addNote = (id: number | string, kind: string, text: string) =>
  ctx.rest.patch(
    `/articles/${id}`,
    { newCorrection: { kind, text } },
    { headers: { 'accept-language': 'de' }, token: ctx.token },
  )

describe('adding a note to a published article', () => {
  test('the server records when and by whom; the page and its JSON-LD carry it, dateModified moves', async () => {
    const article = await published()
    expect(article.contentModifiedAt ?? null).toBeNull()
    const started = Date.now()
    const response = await addNote(
      article.id,
      'correction',
      'Das Treffen fand am Montag statt, nicht am Dienstag.',
    )
    expect(response.status).toBe(200)
    const [note] = await storedNotes(article.id)
    expect(note).toMatchObject({
      kind: 'correction',
      text: 'Das Treffen fand am Montag statt, nicht am Dienstag.',
    })
    expect(Number(note!.by)).toBe(Number(ctx.editor.id))
    expect(new Date(note!.at).getTime()).toBeGreaterThanOrEqual(started - 1000)
    expect(new Date(response.json.doc.contentModifiedAt).getTime()).toBeGreaterThanOrEqual(started - 1000)

    const page = (await getArticlePage({ payload: ctx.payload, slug: article.slug }))!
    expect(page.corrections).toEqual([
      {
        at: expect.any(String),
        kind: 'correction',
        label: 'Korrektur',
        placement: 'bottom',
        text: 'Das Treffen fand am Montag statt, nicht am Dienstag.',
      },
    ])
    expect(page.article.contentModifiedAt).toBe(response.json.doc.contentModifiedAt)
    expect(page.jsonLd).toMatchObject({
      correction: [
        {
          '@type': 'CorrectionComment',
          text: 'Korrektur: Das Treffen fand am Montag statt, nicht am Dienstag.',
        },
      ],
      dateModified: response.json.doc.contentModifiedAt,
      publisher: { correctionsPolicy: 'https://news.example/korrekturen' },
    })
  })

  test('a client cannot backdate a note or name its author', async () => {
    const article = await published()
    const someone = (await ctx.payload.create({
      collection: 'users',
      data: { email: 'jemand@newsroom.test', password: 'secret-password' },
    })) as Doc
    const response = await ctx.rest.patch(
      `/articles/${article.id}`,
      { corrections: [{ at: '2020-01-01T00:00:00.000Z', by: someone.id, kind: 'update', text: 'Nachtrag' }] },
      { token: ctx.token },
    )
    expect(response.status).toBe(200)
    const [note] = await storedNotes(article.id)
    expect(new Date(note!.at).getFullYear()).toBeGreaterThan(2020)
    expect(Number(note!.by)).toBe(Number(ctx.editor.id))
  })
})

describe('published notes cannot be quietly undone', () => {
  let article: NewsroomArticle
  beforeAll(async () => {
    article = await published({ title: 'Mit Gegendarstellung' })
    await addNote(
      article.id,
      'counterstatement',
      'Es ist unwahr, dass ich an dem Treffen teilnahm. Max Muster',
    )
    await addNote(article.id, 'correction', 'Der Ort war Astana.')
  })
  const current = async () => (await ctx.rest.get(`/articles/${article.id}`, { token: ctx.token })).json

  test("changing a note is a 400 naming it, in the editor's language; nothing changes (REST)", async () => {
    const before = await storedNotes(article.id)
    const doc = await current()
    const edited = doc.corrections.map((note: Doc, index: number) =>
      index === 0 ? { ...note, text: 'Gekürzt.' } : note,
    )
    const response = await ctx.rest.patch(
      `/articles/${article.id}`,
      { corrections: edited },
      {
        headers: { 'accept-language': 'de' },
        token: ctx.token,
      },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['corrections.0.text'])
    expect(response.json.errors[0].data.errors[0].message).toMatch(/Hinweis 1 ist veröffentlicht/)
    expect(await storedNotes(article.id)).toEqual(before)
  })

  test('removing a note or changing its kind is refused too (Local API, GraphQL)', async () => {
    const before = await storedNotes(article.id)
    const doc = await current()
    await expect(
      ctx.payload.update({
        id: article.id,
        collection: 'articles',
        data: { corrections: doc.corrections.slice(1) },
      }),
    ).rejects.toMatchObject({ data: { errors: [{ path: 'corrections' }] }, status: 400 })
    await expect(
      ctx.payload.update({
        id: article.id,
        collection: 'articles',
        data: { corrections: doc.corrections.map((note: Doc) => ({ ...note, kind: 'update' })) },
      }),
    ).rejects.toMatchObject({ status: 400 })
    const mutation = `mutation ($id: Int!) { updateArticle(id: $id, data: { corrections: [] }) { id } }`
    const response = await ctx.rest.graphql(mutation, { id: article.id }, { token: ctx.token })
    expect(response.json.errors?.length).toBeGreaterThan(0)
    expect(await storedNotes(article.id)).toEqual(before)
  })

  test('the counterstatement stands at the top, with nothing of the editors directly after it', async () => {
    const page = (await getArticlePage({ payload: ctx.payload, slug: article.slug }))!
    expect(page.corrections.map((note) => [note.kind, note.placement])).toEqual([
      ['counterstatement', 'top'],
      ['correction', 'bottom'],
    ])
  })

  test('clearing publishedAt or unpublishing first unlocks nothing', async () => {
    const before = await storedNotes(article.id)
    const cleared = await ctx.rest.patch(
      `/articles/${article.id}?draft=true`,
      { publishedAt: null },
      { token: ctx.token },
    )
    expect(cleared.status).toBe(200)
    const removed = await ctx.rest.patch(
      `/articles/${article.id}?draft=true`,
      { corrections: [] },
      { token: ctx.token },
    )
    expect(removed.status).toBe(400)
    expect(errorPaths(removed)).toEqual(['corrections'])
    expect(await storedNotes(article.id)).toEqual(before)
  })

  test('a stored note sent without its kind, or with an object for a text, is a 400, not a change', async () => {
    const doc = await current()
    const nulled = await ctx.rest.patch(
      `/articles/${article.id}?draft=true`,
      {
        corrections: doc.corrections.map((note: Doc, index: number) =>
          index === 0 ? { ...note, kind: null } : note,
        ),
      },
      { token: ctx.token },
    )
    expect(nulled.status).toBe(400)
    expect(errorPaths(nulled)).toEqual(['corrections.0.kind'])
    const objectText = await ctx.rest.patch(
      `/articles/${article.id}`,
      { corrections: [...doc.corrections, { kind: 'correction', text: { evil: 'x' } }] },
      { token: ctx.token },
    )
    expect(objectText.status).toBe(400)
    expect(errorPaths(objectText)).toEqual([`corrections.${doc.corrections.length}.text`])
  })

  test('before publication, notes may still be edited and removed', async () => {
    const draft = await create.article({ title: 'Entwurf mit Notiz' }, { draft: true })
    await ctx.payload.update({
      id: draft.id,
      collection: 'articles',
      data: { corrections: [{ kind: 'update', text: 'Vorläufig' }] },
      draft: true,
    })
    const cleared = (await ctx.payload.update({
      id: draft.id,
      collection: 'articles',
      data: { corrections: [] },
      draft: true,
    })) as Doc
    expect(cleared.corrections).toEqual([])
  })
})

describe('concurrent saves', () => {
  test('two notes and a title change at once: every confirmed note is stored', async () => {
    for (let round = 0; round < 3; round++) {
      const article = await published({ title: `Gleichzeitig ${round}` })
      await addNote(article.id, 'correction', 'Die erste Notiz.')
      const responses = await Promise.all([
        addNote(article.id, 'correction', `Notiz A ${round}`),
        addNote(article.id, 'update', `Notiz B ${round}`),
        ctx.rest.patch(
          `/articles/${article.id}`,
          { title: `Gleichzeitig ${round}, neu` },
          { token: ctx.token },
        ),
      ])
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200])
      const texts = (await storedNotes(article.id)).map((note) => note.text)
      expect(texts).toEqual(
        expect.arrayContaining(['Die erste Notiz.', `Notiz A ${round}`, `Notiz B ${round}`]),
      )
    }
  })
})

describe('bad input is a 400 naming the field, never a 500', () => {
  test.each([
    ['an unknown kind in a draft', { corrections: [{ kind: 'bogus', text: 'x' }] }, 'corrections.0.kind'],
    ['a new note without a text', { corrections: [{ kind: 'update', text: ' ' }] }, 'corrections.0.text'],
    ['newCorrection as null', { newCorrection: null }, 'newCorrection'],
    ['ai as null', { ai: null }, 'ai'],
  ])('%s', async (_, body, path) => {
    const draft = await create.article({ title: 'Eingabe' }, { draft: true })
    const response = await ctx.rest.patch(`/articles/${draft.id}?draft=true`, body, { token: ctx.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual([path])
  })

  test("a duplicate starts without the original's notes, dates or lock", async () => {
    const original = await published({ title: 'Mit Notiz' })
    await addNote(original.id, 'retraction', 'Zurückgezogen.')
    const copy = (await ctx.payload.duplicate({ id: original.id, collection: 'articles' })) as Doc
    expect(copy.corrections).toEqual([])
    expect(copy.retractedAt ?? null).toBeNull()
    expect(copy.contentModifiedAt ?? null).toBeNull()
  })
})

describe('contentModifiedAt', () => {
  test('moves with a change readers see after publication, not with any other save', async () => {
    const article = await published({ title: 'Stabil' })
    const untouched = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { allowComments: false },
    })) as Doc
    expect(untouched.contentModifiedAt ?? null).toBeNull()
    const retitled = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { title: 'Stabil, neu' },
    })) as Doc
    expect(retitled.contentModifiedAt).toBeTruthy()
    const again = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { allowComments: true },
    })) as Doc
    expect(again.contentModifiedAt).toBe(retitled.contentModifiedAt)
    const page = (await getArticlePage({ payload: ctx.payload, slug: article.slug }))!
    expect(page.jsonLd.dateModified).toBe(retitled.contentModifiedAt)
  })

  test('a change made while the article is unpublished again still counts as an update', async () => {
    const article = await published({ title: 'Vorübergehend offline' })
    await ctx.payload.update({ id: article.id, collection: 'articles', data: { _status: 'draft' } })
    const changed = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { _status: 'draft', title: 'Wieder da, überarbeitet' },
    })) as Doc
    expect(changed.contentModifiedAt).toBeTruthy()
  })
})

describe('a retraction', () => {
  test('keeps the address and shows first, but leaves region lists and related articles; curated links drop out', async () => {
    const reporter = await create.author({ name: 'Berichterstatterin' })
    const retracted = await published({ authors: [reporter.id], title: 'Falsch berichtet' })
    const neighbour = await published({ title: 'Nachbarartikel' })
    await create.relatedLink({ article: neighbour.id, target: retracted.id, type: 'internal' })
    const before = (await getArticlePage({ payload: ctx.payload, slug: neighbour.slug }))!
    expect(before.related.map((item) => item.slug)).toContain(retracted.slug)
    expect(
      (await getRegionPage({ path: region.path!, payload: ctx.payload }))!.articles.map((item) => item.slug),
    ).toContain(retracted.slug)

    await addNote(retracted.id, 'correction', 'Eine frühere Korrektur.')
    expect(
      (await addNote(retracted.id, 'retraction', 'Dieser Bericht beruhte auf einer gefälschten Quelle.'))
        .status,
    ).toBe(200)

    const page = (await getArticlePage({ payload: ctx.payload, slug: retracted.slug }))!
    expect(page.corrections[0]).toMatchObject({
      kind: 'retraction',
      label: 'Zurückgezogen',
      placement: 'top',
    })
    const after = (await getArticlePage({ payload: ctx.payload, slug: neighbour.slug }))!
    expect(after.related.map((item) => item.slug)).not.toContain(retracted.slug)
    const list = (await getRegionPage({ path: region.path!, payload: ctx.payload }))!
    expect(list.articles.map((item) => item.slug)).not.toContain(retracted.slug)
    expect(list.articles.map((item) => item.slug)).toContain(neighbour.slug)
    const byline = (await getAuthorPage({ payload: ctx.payload, slug: reporter.slug }))!
    expect(byline.articles.map((item) => item.slug)).not.toContain(retracted.slug)
    const [row] = await ctx.query<{ retractedAt: null | string }>(
      'SELECT retracted_at AS "retractedAt" FROM articles WHERE id = $1',
      [retracted.id],
    )
    expect(row!.retractedAt).toBeTruthy()
  })
})
