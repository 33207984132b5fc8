import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { getArticlePage, type NewsroomArticle } from '../../src/index.js'
import { fixtures, type Fixtures } from '../helpers/fixtures.js'
import { startWithEditor } from '../helpers/payload.js'
import { errorPaths } from '../helpers/rest.js'

type Doc = Record<string, any>
const url = 'https://quelle.example/bericht'

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let create: Fixtures
beforeAll(async () => {
  ctx = await startWithEditor({
    config: { localization: { defaultLocale: 'de', fallback: true, locales: ['de', 'en', 'fr'] } },
    plugin: {
      attribution: {
        requireHumanReview: true,
        templates: {
          de: { generated: 'Mit KI geschrieben.' },
          fr: { rewritten: 'Repris de {source:cette source}, réécrit par IA.' },
        },
      },
      backToTop: {
        labels: { en: { ariaLabel: 'Up to the start of the page', label: 'Up' } },
        minWords: 5,
        showAfterPx: 900,
      },
      media: 'media',
    },
  })
  create = fixtures(ctx.payload)
})
afterAll(async () => ctx?.stop())

describe('requireHumanReview', () => {
  test('publishing AI text unreviewed is refused on humanReviewed, nothing stored', async () => {
    const before = (await ctx.payload.count({ collection: 'articles' })).totalDocs
    const response = await ctx.rest.post(
      '/articles',
      { title: 'Ungeprüft', _status: 'published', ai: { usage: 'generated' } },
      { token: ctx.token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['ai.humanReviewed'])
    expect((await ctx.payload.count({ collection: 'articles' })).totalDocs).toBe(before)
  })

  test('a reviewed article publishes; the server records who and when', async () => {
    const started = Date.now()
    const article = await create.article(
      { title: 'Geprüft', _status: 'published', ai: { humanReviewed: true, usage: 'generated' } },
      { user: ctx.editor },
    )
    expect(new Date(article.ai.reviewedAt!).getTime()).toBeGreaterThanOrEqual(started - 1000)
    expect(article.ai.reviewedBy).toMatchObject({ id: ctx.editor.id })
    expect(article.attribution!.placement).toBe('bottom')
  })

  test('publishing a changed text needs a new review: refused with the reason, then a review on the saved text', async () => {
    const article = await create.article(
      {
        title: 'Geprüft und geändert',
        _status: 'published',
        ai: { humanReviewed: true, usage: 'generated' },
      },
      { user: ctx.editor },
    )
    const edit = { ai: { humanReviewed: true, usage: 'generated' }, title: 'Geprüft, dann umgeschrieben' }
    const refused = await ctx.rest.patch(`/articles/${article.id}`, edit, {
      headers: { 'accept-language': 'de' },
      token: ctx.token,
    })
    expect(refused.status).toBe(400)
    expect(errorPaths(refused)).toEqual(['ai.humanReviewed'])
    expect(refused.json.errors[0].data.errors[0].message).toMatch(/seit der Prüfung geändert/)
    // Saved as a draft, the change clears the review; confirming it on the saved text publishes.
    const draft = await ctx.rest.patch(
      `/articles/${article.id}?draft=true`,
      { ...edit, _status: 'draft' },
      { token: ctx.token },
    )
    expect(draft.status).toBe(200)
    expect(draft.json.doc.ai.humanReviewed).toBe(false)
    const published = await ctx.rest.patch(
      `/articles/${article.id}`,
      { _status: 'published', ai: { humanReviewed: true } },
      { token: ctx.token },
    )
    expect(published.status).toBe(200)
    expect(published.json.doc.attribution.aiAct).toBe('exempt')
  })

  test('an edit in another locale voids a review given in German', async () => {
    const article = await create.article(
      { title: 'Zweisprachig', ai: { humanReviewed: true, usage: 'generated' } },
      { locale: 'de', user: ctx.editor },
    )
    expect(article.attribution!.aiAct).toBe('exempt')
    const english = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { title: 'Bilingual' },
      locale: 'en',
      user: ctx.editor,
    })) as Doc
    expect(english.attribution.aiAct).toBe('disclose')
    expect(english.ai.humanReviewed).toBe(false)
    // Reading the other locales leaves the save's own locale alone: each title where it belongs.
    const all = (await ctx.payload.findByID({ id: article.id, collection: 'articles', locale: 'all' })) as Doc
    expect(all.title).toMatchObject({ de: 'Zweisprachig', en: 'Bilingual' })
  })

  test('a save of every locale at once (locale=all) works, and counts each locale', async () => {
    const article = await create.article(
      { title: 'Alle Sprachen', ai: { humanReviewed: true, usage: 'generated' } },
      { locale: 'de', user: ctx.editor },
    )
    const unchanged = await ctx.rest.patch(
      `/articles/${article.id}?locale=all`,
      { allowComments: false },
      { token: ctx.token },
    )
    expect(unchanged.status).toBe(200)
    expect(unchanged.json.doc.attribution.aiAct).toBe('exempt')
    const changed = await ctx.rest.patch(
      `/articles/${article.id}?locale=all`,
      { title: { de: 'Alle Sprachen', en: 'All languages' } },
      { token: ctx.token },
    )
    expect(changed.status).toBe(200)
    expect(changed.json.doc.ai.humanReviewed).toBe(false)
  })

  test('drafts and articles without AI are not gated', async () => {
    const draft = await ctx.rest.post(
      '/articles?draft=true',
      { title: 'Entwurf', ai: { usage: 'generated' } },
      { token: ctx.token },
    )
    expect(draft.status).toBe(201)
    const plain = await ctx.rest.post(
      '/articles',
      { title: 'Ohne KI', _status: 'published' },
      { token: ctx.token },
    )
    expect(plain.status).toBe(201)
  })
})

describe("texts follow the reader's locale", () => {
  let article: NewsroomArticle
  beforeAll(async () => {
    article = await create.article(
      {
        title: 'Treffen in Almaty',
        _status: 'published',
        ai: { humanReviewed: true, usage: 'rewritten' },
        dateline: { date: '2026-04-26T08:00:00.000Z', place: 'Almaty' },
        imageAi: { usage: 'edited' },
        source: { kind: 'external', url },
      },
      { locale: 'de', user: ctx.editor },
    )
  })

  test('an English read of a German-saved article is English', async () => {
    const english = (await ctx.payload.findByID({
      id: article.id,
      collection: 'articles',
      locale: 'en',
    })) as Doc
    expect(english.attribution.notice).toBe(
      'This report was taken from this source and rewritten by artificial intelligence. Reviewed by the editors.',
    )
    expect(english.imageAi.label).toBe('Image edited with AI')
    expect(english.attribution.segments[1]).toEqual({ href: url, text: 'this source' })
    expect(english.dateline.text).toBe('Almaty, April 26')
    expect(english.layout.backToTop).toMatchObject({
      ariaLabel: 'Up to the start of the page',
      label: 'Up',
      showAfterPx: 900,
    })
    const german = (await ctx.payload.findByID({
      id: article.id,
      collection: 'articles',
      locale: 'de',
    })) as Doc
    expect(german.attribution.notice).toBe(
      'Diese Nachricht wurde dieser Quelle entnommen und von künstlicher Intelligenz umgeschrieben. Von der Redaktion geprüft.',
    )
    expect(german.layout.backToTop.label).toBe('Zurück zum Anfang')
  })

  test('over REST too, with ?locale=en', async () => {
    const response = await ctx.rest.get(`/articles/${article.id}?locale=en`)
    expect(response.json.attribution.notice).toMatch(/^This report was taken from/)
  })

  test('the article page in English: notice, labels, comment notice, JSON-LD language', async () => {
    const page = (await getArticlePage({ locale: 'en', payload: ctx.payload, slug: article.slug }))!
    expect(page.attribution?.notice).toMatch(/^This report was taken from/)
    expect(page.article.dateline.text).toBe('Almaty, April 26')
    expect(page.layout.backToTop.label).toBe('Up')
    expect(page.comments.notice).toBe(
      'Your email address will not be published. Required fields are marked *.',
    )
    expect(page.jsonLd.inLanguage).toBe('en')
    const overRest = await ctx.rest.get(`/newsroom/articles/${article.slug}?locale=en`)
    expect(overRest.json.attribution.notice).toBe(page.attribution?.notice)
    expect((await ctx.rest.get(`/newsroom/articles/${article.slug}?locale=xx`)).status).toBe(400)
  })

  test('custom templates apply per locale and case; other cases keep the defaults', async () => {
    const generated = await create.article({ title: 'Generiert', ai: { usage: 'generated' } })
    expect(generated.attribution!.notice).toBe('Mit KI geschrieben.')
    const french = (await ctx.payload.findByID({
      id: article.id,
      collection: 'articles',
      locale: 'fr',
    })) as Doc
    // French has its own rewritten template; the reviewed wording falls back to German's.
    expect(french.attribution.notice).toBe(
      'Repris de cette source, réécrit par IA. Von der Redaktion geprüft.',
    )
    expect(french.dateline.text).toBe('Almaty, 26 avril')
  })

  test('the button follows minWords', async () => {
    const read = (await ctx.payload.findByID({ id: article.id, collection: 'articles' })) as Doc
    expect(read.layout.wordCount).toBe(3)
    expect(read.layout.backToTop.enabled).toBe(false)
    await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      // A draft: the longer text voids the review, and a published article would need a new one.
      data: { _status: 'draft', subtitle: 'Zwei weitere Wörter' },
      draft: true,
      locale: 'de',
    })
    const longer = (await ctx.payload.findByID({
      id: article.id,
      collection: 'articles',
      draft: true,
    })) as Doc
    expect(longer.layout.backToTop.enabled).toBe(true)
  })
})
