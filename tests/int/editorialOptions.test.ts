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
  test('publishing AI text unreviewed is refused on humanReviewed and reviewedBy, nothing stored', async () => {
    const before = (await ctx.payload.count({ collection: 'articles' })).totalDocs
    const response = await ctx.rest.post(
      '/articles',
      { title: 'Ungeprüft', _status: 'published', ai: { usage: 'generated' } },
      { token: ctx.token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response).sort()).toEqual(['ai.humanReviewed', 'ai.reviewedBy'])
    expect((await ctx.payload.count({ collection: 'articles' })).totalDocs).toBe(before)
  })

  test('a reviewed article publishes; reviewedAt is filled with now when missing', async () => {
    const started = Date.now()
    const article = await create.article({
      title: 'Geprüft',
      _status: 'published',
      ai: { humanReviewed: true, reviewedBy: ctx.editor.id, usage: 'generated' },
    })
    expect(new Date(article.ai.reviewedAt!).getTime()).toBeGreaterThanOrEqual(started - 1000)
    expect(article.attribution!.placement).toBe('bottom')
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
        ai: { humanReviewed: true, reviewedBy: ctx.editor.id, usage: 'rewritten' },
        dateline: { date: '2026-04-26T08:00:00.000Z', place: 'Almaty' },
        source: { kind: 'external', url },
      },
      { locale: 'de' },
    )
  })

  test('an English read of a German-saved article is English', async () => {
    const english = (await ctx.payload.findByID({
      id: article.id,
      collection: 'articles',
      locale: 'en',
    })) as Doc
    expect(english.attribution.notice).toBe(
      'This report was taken from this source and rewritten by artificial intelligence.',
    )
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
      'Diese Nachricht wurde dieser Quelle entnommen und von künstlicher Intelligenz umgeschrieben.',
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
    expect(french.attribution.notice).toBe('Repris de cette source, réécrit par IA.')
    expect(french.dateline.text).toBe('Almaty, 26 avril')
  })

  test('the button follows minWords', async () => {
    const read = (await ctx.payload.findByID({ id: article.id, collection: 'articles' })) as Doc
    expect(read.layout.wordCount).toBe(3)
    expect(read.layout.backToTop.enabled).toBe(false)
    const longer = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { subtitle: 'Zwei weitere Wörter' },
      locale: 'de',
    })) as Doc
    expect(longer.layout.backToTop.enabled).toBe(true)
  })
})
